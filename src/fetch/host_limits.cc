#include "fetch/host_limits.h"

namespace pw::fetch {

HostLimits::Slot& HostLimits::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    Release();
    limits_ = other.limits_;
    host_ = std::move(other.host_);
    other.limits_ = nullptr;
  }
  return *this;
}

void HostLimits::Slot::Release() {
  if (limits_) limits_->Release(host_);
  limits_ = nullptr;
}

HostLimits::Slot HostLimits::TryAcquire(const std::string& host) {
  if (!HasRoom(host)) return Slot();
  ++in_flight_;
  ++per_host_in_flight_[host];
  return Slot(this, host);
}

bool HostLimits::HasRoom(const std::string& host) const {
  return in_flight_ < global_ && in_flight(host) < per_host_;
}

int HostLimits::in_flight(const std::string& host) const {
  auto it = per_host_in_flight_.find(host);
  return it == per_host_in_flight_.end() ? 0 : it->second;
}

void HostLimits::Release(const std::string& host) {
  --in_flight_;
  auto it = per_host_in_flight_.find(host);
  if (it != per_host_in_flight_.end() && --it->second == 0) per_host_in_flight_.erase(it);
}

}  // namespace pw::fetch
