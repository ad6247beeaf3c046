#include "test_server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <zlib.h>

namespace pw::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

// A self-signed certificate for IP 127.0.0.1 and its key, both PEM.
std::pair<std::string, std::string> MakeCertificate() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"}, std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(cert, key, EVP_sha256());
  auto pem = [](auto write) {
    BIO* bio = BIO_new(BIO_s_mem());
    write(bio);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return out;
  };
  std::string cert_pem = pem([&](BIO* b) { PEM_write_bio_X509(b, cert); });
  std::string key_pem = pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
  X509_free(cert);
  EVP_PKEY_free(key);
  return {cert_pem, key_pem};
}

}  // namespace

struct TestServer::Impl {
  Transport transport = Transport::kPlain;
  asio::ssl::context tls{asio::ssl::context::tls_server};
  std::string certificate_pem;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;
  mutable std::mutex mu;
  std::map<std::string, Handler> routes;
  std::map<std::string, int> hits;
  std::map<std::string, Request> last;

  Response Answer(const Request& request) {
    std::string path = request.target.substr(0, request.target.find('?'));
    Handler handler;
    {
      std::lock_guard<std::mutex> lock(mu);
      ++hits[path];
      last[path] = request;
      auto it = routes.find(path);
      if (it != routes.end()) handler = it->second;
    }
    if (!handler) return Response{404, "not found", {}, "text/plain"};
    return handler(request);
  }

  static std::string Head(const Response& r, std::size_t content_length) {
    std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " +
                       std::string(http::obsolete_reason(static_cast<http::status>(r.status))) + "\r\n";
    head += "Content-Type: " + r.content_type + "\r\n";
    head += "Content-Length: " + std::to_string(content_length) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto& [name, value] : r.headers) head += name + ": " + value + "\r\n";
    return head + "\r\n";
  }

  static Request ToRequest(const http::request<http::string_body>& req) {
    Request request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    for (const auto& field : req) {
      std::string name(field.name_string());
      for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
      request.headers[name] = std::string(field.value());
    }
    return request;
  }

  asio::awaitable<void> TlsSession(tcp::socket socket) {
    beast::ssl_stream<tcp::socket> stream(std::move(socket), tls);
    if (auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow); ec) co_return;
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    if (auto [ec, n] = co_await http::async_read(stream, buffer, req, kNoThrow); ec) co_return;
    const Request request = ToRequest(req);
    const Response response = Answer(request);
    std::string out = Head(response, response.body.size());
    if (request.method != "HEAD") out += response.body;
    co_await asio::async_write(stream, asio::buffer(out), kNoThrow);
    co_await stream.async_shutdown(kNoThrow);
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    if (transport == Transport::kTls) {
      co_await TlsSession(std::move(socket));
      co_return;
    }
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    auto [ec, n] = co_await http::async_read(socket, buffer, req, kNoThrow);
    if (ec) co_return;
    const Request request = ToRequest(req);
    const Response response = Answer(request);
    asio::steady_timer timer(socket.get_executor());
    switch (response.behavior) {
      case Behavior::kNoResponse:
        timer.expires_after(std::chrono::hours(1));
        co_await timer.async_wait(kNoThrow);
        co_return;
      case Behavior::kStallAfterHeaders: {
        const std::string head = Head(response, response.body.size() + 1);
        co_await asio::async_write(socket, asio::buffer(head), kNoThrow);
        timer.expires_after(std::chrono::hours(1));
        co_await timer.async_wait(kNoThrow);
        co_return;
      }
      case Behavior::kDrip: {
        const std::string head = Head(response, response.body.size());
        co_await asio::async_write(socket, asio::buffer(head), kNoThrow);
        for (char c : response.body) {
          timer.expires_after(response.drip_interval);
          co_await timer.async_wait(kNoThrow);
          auto [wec, wn] = co_await asio::async_write(socket, asio::buffer(&c, 1), kNoThrow);
          if (wec) co_return;
        }
        co_return;
      }
      case Behavior::kCloseMidBody: {
        const std::string head = Head(response, response.body.size());
        const std::string half = response.body.substr(0, response.body.size() / 2);
        co_await asio::async_write(socket, asio::buffer(head + half), kNoThrow);
        co_return;
      }
      case Behavior::kNormal: {
        std::string out = Head(response, response.body.size());
        if (request.method != "HEAD") out += response.body;
        co_await asio::async_write(socket, asio::buffer(out), kNoThrow);
        boost::system::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_send, ignored);
        co_return;
      }
    }
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kNoThrow);
      if (ec) co_return;
      asio::co_spawn(io, Session(std::move(socket)), asio::detached);
    }
  }
};

TestServer::TestServer(Transport transport) : impl_(std::make_unique<Impl>()) {
  impl_->transport = transport;
  if (transport == Transport::kTls) {
    auto [cert, key] = MakeCertificate();
    impl_->certificate_pem = cert;
    impl_->tls.use_certificate_chain(asio::buffer(cert));
    impl_->tls.use_private_key(asio::buffer(key), asio::ssl::context::pem);
  }
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

TestServer::~TestServer() {
  impl_->io.stop();
  impl_->thread.join();
}

void TestServer::Route(const std::string& path, Response response) {
  Route(path, Handler([response](const Request&) { return response; }));
}

void TestServer::Route(const std::string& path, Handler handler) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->routes[path] = std::move(handler);
}

int TestServer::Hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->hits.find(path);
  return it == impl_->hits.end() ? 0 : it->second;
}

TestServer::Request TestServer::LastRequest(const std::string& path) const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto it = impl_->last.find(path);
  return it == impl_->last.end() ? Request{} : it->second;
}

namespace {

// Deflates `chunks` copies of `chunk` in gzip format.
std::string GzipRepeated(std::string_view chunk, std::size_t chunks) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string out;
  char buf[64 * 1024];
  for (std::size_t i = 0; i <= chunks; ++i) {
    const bool last = i == chunks;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    zs.avail_in = last ? 0 : static_cast<uInt>(chunk.size());
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

}  // namespace

std::string TestServer::Gzip(std::string_view bytes) { return GzipRepeated(bytes, 1); }

std::string TestServer::GzipZeros(std::size_t n) {
  const std::string zeros(1 << 20, '\0');
  std::string out = GzipRepeated(zeros, n / zeros.size());
  return out;
}

std::string TestServer::Url(const std::string& path) const {
  return std::string(impl_->transport == Transport::kTls ? "https" : "http") + "://127.0.0.1:" +
         std::to_string(port_) + path;
}

const std::string& TestServer::CertificatePem() const { return impl_->certificate_pem; }

}  // namespace pw::testing
