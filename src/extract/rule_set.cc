#include "extract/rule_set.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "extract/compiled_rules.h"
#include "extract/letter_classes.h"

namespace pw::extract {

namespace fs = std::filesystem;

// Literal strings shorter than this are no use to the prefilter ("a", "of"
// are in every sentence); a rule made only of them is always a candidate.
constexpr int kMinAtomLength = 3;

namespace {

constexpr std::array<std::string_view, 6> kEntityTypes = {"ORG", "PER", "LOC", "MONEY", "DATE", "PERCENT"};

bool IsEntityTokenType(std::string_view name) {
  return std::find(kEntityTypes.begin(), kEntityTypes.end(), name) != kEntityTypes.end();
}

// The fields each kind of rule may capture.
std::vector<std::string_view> AllowedFields(const RuleSpec& spec) {
  switch (spec.kind) {
    case RuleKind::kEntity:
      if (spec.type == "ORG" || spec.type == "LOC") return {"name", "core", "list"};
      if (spec.type == "PER") return {"name", "title", "org"};
      if (spec.type == "MONEY") return {"amount", "amount_max", "scale", "scale_max", "currency"};
      if (spec.type == "DATE") return {"day", "month", "year", "quarter", "relative"};
      if (spec.type == "PERCENT") return {"value"};
      return {};
    case RuleKind::kFunding: return {"investee", "investor", "lead", "amount", "round", "date"};
    case RuleKind::kEvent: return {"name", "participant", "location", "date"};
    case RuleKind::kNotFunding: return {"amount"};
    case RuleKind::kDefine: return {};
  }
  return {};
}

Pass PassOf(const RuleSpec& spec) {
  if (spec.kind == RuleKind::kEntity) return spec.type == "PER" ? Pass::kPeople : Pass::kMentions;
  return Pass::kRelations;
}

std::string EntityToken(std::string_view type) {
  return "\\x{E000}" + std::string(type) + "\\d+\\x{E001}";
}

// Field name of a named capture group: "investor__3" and "investor2" both
// fill "investor".
std::string FieldOfGroup(std::string name) {
  if (auto pos = name.find("__"); pos != std::string::npos) name.resize(pos);
  while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) name.pop_back();
  return name;
}

// Defines by name and language: a rule sees the defines of its own language
// first, then those of "any".
using DefineMap = std::map<std::pair<std::string, std::string>, const RuleSpec*>;

struct Expander {
  const DefineMap& defines;
  const Gazetteer& gazetteer;
  Pass pass;
  const RuleSpec& rule;
  std::vector<std::string>& errors;
  std::set<std::string>& gazetteer_types_used;  // {TITLE}, {CURRENCY}, ...
  int next_group = 0;
  bool failed = false;

  void Fail(const std::string& message) {
    errors.push_back(rule.Where() + ": " + message);
    failed = true;
  }

  const RuleSpec* FindDefine(const std::string& name) const {
    if (auto it = defines.find({name, rule.language}); it != defines.end()) return it->second;
    if (auto it = defines.find({name, "any"}); it != defines.end()) return it->second;
    return nullptr;
  }

  std::string Reference(const std::string& name, std::set<std::string>& stack) {
    if (const RuleSpec* define = FindDefine(name)) {
      if (stack.count(name)) {
        Fail("define " + name + " refers to itself");
        return {};
      }
      stack.insert(name);
      std::string inner = Expand(define->pattern, stack);
      stack.erase(name);
      return "(?:" + inner + ")";
    }
    std::string base = name;
    const bool plural = name.size() > 1 && name.back() == 'S' && IsEntityTokenType(name.substr(0, name.size() - 1));
    if (plural) base = name.substr(0, name.size() - 1);
    if (IsEntityTokenType(base)) {
      if (pass == Pass::kMentions) {
        Fail("{" + name + "} stands for entities already found, which " + rule.type +
             " rules run before; use it in PER, funding and event rules");
        return {};
      }
      const std::string token = EntityToken(base);
      if (!plural) return token;
      const RuleSpec* sep = FindDefine("LIST_SEP");
      if (!sep) {
        Fail("{" + name + "} needs a define named LIST_SEP (the separator between list items)");
        return {};
      }
      std::set<std::string> inner_stack = stack;
      const std::string separator = Expand(sep->pattern, inner_stack);
      // An optional LIST_ITEM_PREFIX before each item: "Boston-based {ORG}".
      std::string item = token;
      if (const RuleSpec* prefix = FindDefine("LIST_ITEM_PREFIX")) {
        std::set<std::string> prefix_stack = stack;
        item = "(?:(?:" + Expand(prefix->pattern, prefix_stack) + ")?" + token + ")";
      }
      return "(?:" + item + "(?:(?:" + separator + ")" + item + ")*)";
    }
    if (gazetteer.HasType(name)) {
      gazetteer_types_used.insert(name);
      return gazetteer.Alternation(name);
    }
    Fail("unknown placeholder {" + name + "}: not a define, an entity type or a gazetteer type");
    return {};
  }

  // Replaces {NAME} and {NAME:field}; leaves \p{..}, \x{..} and {n,m} alone.
  std::string Expand(std::string_view pattern, std::set<std::string>& stack) {
    std::string out;
    for (size_t i = 0; i < pattern.size() && !failed; ++i) {
      const char c = pattern[i];
      if (c == '\\' && i + 1 < pattern.size()) {
        out += c;
        out += pattern[++i];
        const char e = pattern[i];
        if ((e == 'p' || e == 'P' || e == 'x') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
          const size_t close = pattern.find('}', i + 1);
          if (close == std::string_view::npos) break;
          out.append(pattern.substr(i + 1, close - i));
          i = close;
        }
        continue;
      }
      if (c == '{' && i + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i + 1]))) {
        const size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) {
          Fail("'{' without '}'");
          break;
        }
        const std::string_view body = pattern.substr(i + 1, close - i - 1);
        const size_t colon = body.find(':');
        const std::string name(body.substr(0, colon));
        std::string expanded = Reference(name, stack);
        if (colon != std::string_view::npos) {
          const std::string field(body.substr(colon + 1));
          out += "(?P<" + field + "__" + std::to_string(next_group++) + ">" + expanded + ")";
        } else {
          out += expanded;
        }
        i = close;
        continue;
      }
      out += c;
    }
    return out;
  }
};

// The index of the ']' that closes the character class opened at `open` in
// an RE2 pattern ("[]a]", "[^\\]]", "[[:alpha:]]"), or the pattern's size.
std::size_t ClassEnd(std::string_view pattern, std::size_t open) {
  std::size_t i = open + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;  // a ']' first is literal
  for (; i < pattern.size() && pattern[i] != ']'; ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern.compare(i, 2, "[:") == 0) {
      const std::size_t close = pattern.find(":]", i + 2);
      if (close != std::string_view::npos) i = close + 1;
    }
  }
  return std::min(i, pattern.size());
}

// The first index at or after `from` of a byte of an RE2 pattern that
// `stop(c, depth)` accepts, or npos: `depth` counts the parentheses opened
// since `from` and not yet closed, the one at hand included ('(' counts
// itself, ')' still counts the group it closes). Escapes ("\\(") and
// character classes ("[()]") are passed over whole. ClosingParen and
// TopLevelBranches read a pattern with it.
template <typename Stop>
std::size_t FindSyntax(std::string_view pattern, std::size_t from, Stop stop) {
  int depth = 0;
  for (std::size_t i = from; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {
      i = ClassEnd(pattern, i);
      continue;
    }
    if (c == '(') ++depth;
    if (stop(c, depth)) return i;
    if (c == ')') --depth;
  }
  return std::string_view::npos;
}

// The index of the ')' that closes the '(' at `open` in an RE2 pattern, or
// npos.
std::size_t ClosingParen(std::string_view pattern, std::size_t open) {
  return FindSyntax(pattern, open, [](char c, int depth) { return c == ')' && depth == 1; });
}

// One item of a pattern's top level, a concatenation: a character, an
// escape, a class or a group, with its quantifier: [begin, end) in the pattern.
struct PatternItem {
  std::size_t begin, end;
};

// The top-level items of an RE2 pattern, or nullopt when its top level is not
// a plain concatenation this reader knows: an alternation, a group that sets
// flags (they reach the items after it) or captures without a name, a
// quantifier with nothing before it.
std::optional<std::vector<PatternItem>> TopLevelItems(std::string_view pattern) {
  std::vector<PatternItem> items;
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t begin = i;
    const char c = pattern[i];
    if (c == '|') return std::nullopt;
    if (c == '\\') {
      i += 2;
      if (i <= pattern.size() && std::string_view("pPx").find(pattern[i - 1]) != std::string_view::npos &&
          i < pattern.size() && pattern[i] == '{') {
        const std::size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) return std::nullopt;
        i = close + 1;
      }
    } else if (c == '[') {
      i = ClassEnd(pattern, i) + 1;
    } else if (c == '(') {
      const std::size_t end = ClosingParen(pattern, i);
      if (end == std::string_view::npos) return std::nullopt;
      if (pattern.compare(i, 3, "(?:") != 0 && pattern.compare(i, 3, "(?P") != 0) return std::nullopt;
      i = end + 1;
    } else if (c == '?' || c == '*' || c == '+' || c == '{' || c == ')') {
      return std::nullopt;
    } else {
      // One UTF-8 character.
      ++i;
      while (i < pattern.size() && (static_cast<unsigned char>(pattern[i]) & 0xC0) == 0x80) ++i;
    }
    // Its quantifier, lazy or not: "*", "+?", "{1,3}".
    if (i < pattern.size() && (pattern[i] == '*' || pattern[i] == '+' || pattern[i] == '?')) {
      ++i;
    } else if (i < pattern.size() && pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close == std::string_view::npos) return std::nullopt;
      i = close + 1;
    }
    if (i < pattern.size() && pattern[i] == '?') ++i;
    i = std::min(i, pattern.size());
    items.push_back({begin, i});
  }
  return items;
}

// The number of the capture group that is the whole pattern
// ("(?P<name>...)" with nothing around it), when that is the pattern's only
// group and it fills a field; 0 otherwise.
int WholeMatchGroup(const RE2& re, const std::vector<std::string>& group_field) {
  const std::string& pattern = re.pattern();
  if (re.NumberOfCapturingGroups() != 1 || group_field.size() != 2 || group_field[1].empty()) return 0;
  if (pattern.rfind("(?P<", 0) != 0 || ClosingParen(pattern, 0) != pattern.size() - 1) return 0;
  return 1;
}

// The top-level branches of an RE2 pattern ("a|b(c|d)" -> "a", "b(c|d)"):
// one for a pattern without a top-level '|'.
std::vector<std::string_view> TopLevelBranches(std::string_view pattern) {
  const auto top_level_bar = [](char c, int depth) { return c == '|' && depth == 0; };
  std::vector<std::string_view> branches;
  std::size_t begin = 0;
  for (std::size_t bar; (bar = FindSyntax(pattern, begin, top_level_bar)) != std::string_view::npos; begin = bar + 1)
    branches.push_back(pattern.substr(begin, bar - begin));
  branches.push_back(pattern.substr(begin));
  return branches;
}

// Below this many instructions RE2 finds groups with its backtracker, which
// is as fast on a short span as the DFA searches that would replace it.
constexpr int kTreeMinProgramSize = 512;
// Above this many instructions a rule with several groups keeps RE2's NFA (GroupTreeOf).
constexpr int kTreeMaxProgramSize = 25000;

// The GroupTree of `pattern` (a part of a rule's pattern, whose named groups
// `re` numbers), or nullopt when a part is of a shape the tree does not
// know: a group repeated or optional other than by a greedy "?", flags that
// reach past their group, a group without a name. `matched`: whether the
// part's parent matches the part's own pattern (GroupTree::re), which is
// then compiled; a group's body is not (the group's pattern is).
std::optional<GroupTree> ReadGroupTree(std::string_view pattern, const RE2& re, const RE2::Options& options,
                                       bool matched) {
  GroupTree node;
  if (matched) {
    node.re = std::make_unique<RE2>(pattern, options);
    if (!node.re->ok()) return std::nullopt;
    if (node.re->NumberOfCapturingGroups() == 0) return node;  // a leaf
  } else if (pattern.find("(?P<") == std::string_view::npos) {
    return node;  // a leaf (every group is named: GroupTreeOf)
  }
  const std::vector<std::string_view> branches = TopLevelBranches(pattern);
  if (branches.size() > 1) {
    node.kind = GroupTree::Kind::kBranches;
    for (std::string_view branch : branches) {
      std::optional<GroupTree> child = ReadGroupTree(branch, re, options, true);
      if (!child) return std::nullopt;
      node.children.push_back(std::move(*child));
    }
    return node;
  }
  const auto items = TopLevelItems(pattern);
  if (!items || items->empty()) return std::nullopt;
  if (items->size() == 1) {
    const std::string_view item = pattern;
    if (item.size() > 2 && item.substr(item.size() - 2) == ")?" && item[0] == '(' &&
        ClosingParen(item, 0) == item.size() - 2) {
      std::optional<GroupTree> child = ReadGroupTree(item.substr(0, item.size() - 1), re, options, true);
      if (!child) return std::nullopt;
      node.kind = GroupTree::Kind::kOptional;
      node.children.push_back(std::move(*child));
      return node;
    }
    if (item[0] != '(' || ClosingParen(item, 0) != item.size() - 1) return std::nullopt;
    if (item.substr(0, 3) == "(?:") return ReadGroupTree(item.substr(3, item.size() - 4), re, options, matched);
    if (item.substr(0, 4) != "(?P<") return std::nullopt;
    const std::size_t name_end = item.find('>');
    const auto& numbers = re.NamedCapturingGroups();
    const auto number = numbers.find(std::string(item.substr(4, name_end - 4)));
    if (number == numbers.end()) return std::nullopt;
    std::optional<GroupTree> child =
        ReadGroupTree(item.substr(name_end + 1, item.size() - name_end - 2), re, options, false);
    if (!child) return std::nullopt;
    node.kind = GroupTree::Kind::kGroup;
    node.group = number->second;
    node.children.push_back(std::move(*child));
    return node;
  }
  // A sequence: each run of items without a group is one leaf.
  node.kind = GroupTree::Kind::kSequence;
  std::size_t run_begin = std::string_view::npos;
  const auto end_run = [&](std::size_t at) -> bool {
    if (run_begin == std::string_view::npos) return true;
    std::optional<GroupTree> leaf = ReadGroupTree(pattern.substr(run_begin, at - run_begin), re, options, true);
    run_begin = std::string_view::npos;
    if (!leaf) return false;
    node.children.push_back(std::move(*leaf));
    return true;
  };
  for (const PatternItem& item : *items) {
    const std::string_view text = pattern.substr(item.begin, item.end - item.begin);
    if (text.find("(?P<") == std::string_view::npos) {
      if (run_begin == std::string_view::npos) run_begin = item.begin;
      continue;
    }
    if (!end_run(item.begin)) return std::nullopt;
    std::optional<GroupTree> child = ReadGroupTree(text, re, options, true);
    if (!child) return std::nullopt;
    node.children.push_back(std::move(*child));
  }
  if (!end_run(pattern.size())) return std::nullopt;
  return node;
}

}  // namespace

// The GroupTree of a rule's pattern when RE2 would find its groups with the
// NFA (a program over the backtracker's limit) and the tree can read it;
// null otherwise. With one group it reads HEAD(?P<name>BODY)TAIL (HEAD or
// TAIL may be empty) with DFA searches of HEAD, BODY and TAIL, as
// extractspeed2's GroupSplit did before it was folded in here.
std::unique_ptr<GroupTree> GroupTreeOf(const RE2& re, const RE2::Options& options) {
  if (re.NumberOfCapturingGroups() < 1 || re.ProgramSize() <= kTreeMinProgramSize) return nullptr;
  // Not for the largest with several groups (the English funding rules,
  // 45,000 to 285,000 instructions): they match a few times a document, and
  // their parts' DFAs then build states at almost every match, which cost
  // more than the NFA (en.raised: 36M cycles against 13M over 11 passes,
  // bench/RESULTS.md); their parts also doubled the time the rules take to
  // load. Rules with one group (three parts at most) are read at any size,
  // as they were by the split.
  if (re.NumberOfCapturingGroups() > 1 && re.ProgramSize() > kTreeMaxProgramSize) return nullptr;
  // Every group named: ReadGroupTree finds a group by its name.
  if (static_cast<int>(re.NamedCapturingGroups().size()) != re.NumberOfCapturingGroups()) return nullptr;
  std::optional<GroupTree> tree = ReadGroupTree(re.pattern(), re, options, false);
  if (!tree) return nullptr;
  return std::make_unique<GroupTree>(std::move(*tree));
}

namespace {

// The longest run of plain characters at the top level of a pattern (a
// concatenation there): text that every match holds as it is written, or ""
// when the pattern has no run of kMinRequiredLiteral bytes or more. For
// "(?:{PARTIES}) đã huy động {MONEY}" it is " đã huy động ". Flags, classes,
// escapes, groups and quantified characters end a run; a pattern whose top
// level TopLevelItems cannot read (an alternation, flags) has none.
constexpr std::size_t kMinRequiredLiteral = 4;
std::string RequiredLiteralOf(const std::string& pattern) {
  const auto items = TopLevelItems(pattern);
  if (!items) return "";
  std::string best, run;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  for (const PatternItem& item : *items) {
    const std::string_view text = std::string_view(pattern).substr(item.begin, item.end - item.begin);
    const unsigned char lead = static_cast<unsigned char>(text[0]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const bool plain = text.size() == length && std::string_view(".^$\\[](){}|?*+").find(text[0]) == std::string_view::npos;
    if (plain) {
      run += text;
    } else {
      end_run();
    }
  }
  end_run();
  return best.size() >= kMinRequiredLiteral ? best : "";
}

// What the prefilter's Set looks for on behalf of a rule it cannot filter:
// a part of the pattern that every match of the whole holds, when one is
// much smaller; otherwise the pattern itself. For a pattern that is a
// concatenation at its top level, A B C, a match of the whole holds a match of
// its first items (A, A B) and of its last ones: the Set needs no more to
// name the rule as a candidate (a superset), and the rule itself then decides.
// The part is the items before the first one that holds a capture group, or
// after the last one, whichever compiles smaller: in the project's rules the
// groups are the large part ({CAPWORDS:core}), the rest a short list of words
// ("Công ty|Tập đoàn|... ", ",? (?:Inc|Ltd|...)"). The Set then builds far
// fewer DFA states while it reads every sentence (bench/RESULTS.md, branch
// extractspeed5). Not split: a pattern with a top-level alternation or flags
// (a flag set at the start reaches the items after it), or a part that can
// match the empty string. A small pattern ("T(?P<month>...)") is kept whole:
// it adds little to the Set, and a part ("T") would let the rule through on
// most sentences.
constexpr int kSetPartMinProgramSize = 2048;
std::string SetPatternOf(const RE2& re, const RE2::Options& options) {
  const std::string& pattern = re.pattern();
  if (re.ProgramSize() < kSetPartMinProgramSize) return pattern;
  const auto top = TopLevelItems(pattern);
  if (!top) return pattern;
  const std::vector<PatternItem>& items = *top;
  auto has_group = [&](const PatternItem& item) {
    return std::string_view(pattern).substr(item.begin, item.end - item.begin).find("(?P<") != std::string_view::npos;
  };
  std::size_t first = 0, last = items.size();
  while (first < items.size() && !has_group(items[first])) ++first;
  while (last > 0 && !has_group(items[last - 1])) --last;
  if (first == items.size()) return pattern;  // no group: nothing to leave out
  std::string best = pattern;
  int best_size = re.ProgramSize();
  for (const std::string& part : {pattern.substr(0, first == 0 ? 0 : items[first - 1].end),
                                  pattern.substr(last == items.size() ? pattern.size() : items[last].begin)}) {
    if (part.empty()) continue;
    const RE2 candidate(part, options);
    if (!candidate.ok() || RE2::PartialMatch("", candidate)) continue;
    // Only a part much smaller than the whole is worth a Set that lets
    // more sentences through.
    if (candidate.ProgramSize() * 4 < best_size) {
      best = part;
      best_size = candidate.ProgramSize();
    }
  }
  return best;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> FilesWithExtension(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A rule's pattern after its sub-patterns and gazetteer lists were
// expanded (Expander), to be compiled.
struct PendingRule {
  const RuleSpec* spec;
  Pass pass;
  std::string pattern;
};

// What a rule's pattern failed to compile with, as an error of the rule:
// RE2's message ends with the bad part of the pattern as expanded (group
// names and entity tokens of our making), so give its kind, and the rule as
// written.
std::string CompileError(const PendingRule& pending, const RE2::Options& options) {
  const RE2 re(pending.pattern, options);
  std::string message = re.error();
  if (const std::string& arg = re.error_arg(); !arg.empty() && message.ends_with(": " + arg))
    message.resize(message.size() - arg.size() - 2);
  constexpr std::size_t kShown = 80;
  const RuleSpec& spec = *pending.spec;
  const std::string& written = spec.pattern;
  return spec.Where() + ": " + message + " in the pattern '" +
         (written.size() > kShown ? written.substr(0, kShown) + "…" : written) + "'";
}

// The rule of `pending` with `re` (its pattern compiled, owned by a
// prefilter), or null with its errors in `errors`. Pure: rules are made
// independently of one another.
std::unique_ptr<CompiledRule> MakeRule(const PendingRule& pending, const RE2* re, std::vector<std::string>& errors) {
  const RuleSpec& spec = *pending.spec;
  auto rule = std::make_unique<CompiledRule>();
  rule->spec = spec;
  rule->pass = pending.pass;
  rule->re = re;
  rule->group_field.assign(static_cast<size_t>(rule->re->NumberOfCapturingGroups()) + 1, "");
  const auto allowed = AllowedFields(spec);
  bool fields_ok = true;
  for (const auto& [name, index] : rule->re->NamedCapturingGroups()) {
    const std::string field = FieldOfGroup(name);
    if (std::find(allowed.begin(), allowed.end(), field) == allowed.end()) {
      std::string list;
      for (auto f : allowed) list += (list.empty() ? "" : ", ") + std::string(f);
      errors.push_back(spec.Where() + ": field '" + field + "' is not one a " +
                       (spec.type.empty() ? std::string("funding") : spec.type) +
                       " rule fills" + (list.empty() ? "" : " (" + list + ")"));
      fields_ok = false;
      continue;
    }
    rule->group_field[static_cast<size_t>(index)] = field;
  }
  for (std::size_t g = rule->group_field.size(); g-- > 1;) {
    if (!rule->group_field[g].empty()) {
      rule->submatches = static_cast<int>(g) + 1;
      break;
    }
  }
  rule->whole_match_group = WholeMatchGroup(*rule->re, rule->group_field);  // its tree: at first use (Tree())
  if (!fields_ok) return nullptr;
  return rule;
}

// Runs work(i) for each i in [0, n) on up to one thread a core. Loading the
// rules is mostly RE2 compiling one pattern after another, each on its own:
// a start, a SIGHUP and every command that extracts wait for all of it
// (6.7 s on one core of a 2-core VM; bench/RESULTS.md, "Loading the rules
// in parallel").
template <typename Work>
void ParallelFor(std::size_t n, const Work& work) {
  const std::size_t threads = std::min<std::size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<std::size_t> next{0};
  const auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  std::vector<std::future<void>> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.push_back(std::async(std::launch::async, run));
  run();
  for (auto& h : helpers) h.get();
}

// Orders errors by where they are, whichever stage found them (parsing,
// names, expansion, compiling, prefilters): "FILE:LINE: ..." by the file's
// place in `files`, then the line; errors of no file after those, as found.
void SortByPlace(std::vector<std::string>& errors, const std::vector<fs::path>& files) {
  const auto place = [&](const std::string& error) {
    for (std::size_t f = 0; f < files.size(); ++f) {
      const std::string name = files[f].string() + ":";
      if (!error.starts_with(name)) continue;
      std::size_t line = 0;
      for (std::size_t i = name.size(); i < error.size() && error[i] >= '0' && error[i] <= '9'; ++i)
        line = line * 10 + static_cast<std::size_t>(error[i] - '0');
      return std::make_pair(f, line);
    }
    return std::make_pair(files.size(), std::size_t{0});
  };
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::string>> keyed;
  for (auto& e : errors) keyed.emplace_back(place(e), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < errors.size(); ++i) errors[i] = std::move(keyed[i].second);
}

// Builds everything; `errors` collects every problem. Returns null data only
// when the directory is missing.
std::unique_ptr<RuleSetData> Build(const std::string& directory, std::vector<std::string>& errors) {
  const fs::path dir(directory);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors.push_back(directory + ": no such rules directory" +
                     (dir.is_relative() ? " (a relative path is read from the working directory)" : ""));
    return nullptr;
  }
  auto data = std::make_unique<RuleSetData>();
  data->directory = directory;
  const std::vector<fs::path> gazetteer_files = FilesWithExtension(dir / "gazetteer", ".tsv");
  for (const auto& path : gazetteer_files)
    data->gazetteer.AddFile(ReadFile(path), path.string(), errors);
  data->gazetteer.Finish();

  std::vector<RuleSpec> specs;
  const auto rule_files = FilesWithExtension(dir, ".rules");
  if (rule_files.empty()) errors.push_back(directory + ": no *.rules files");
  for (const auto& path : rule_files) ParseRuleFile(ReadFile(path), path.string(), specs, errors);

  DefineMap defines;
  std::set<std::string> rule_names;
  for (const auto& spec : specs) {
    if (spec.kind == RuleKind::kDefine) {
      auto [it, inserted] = defines.emplace(std::make_pair(spec.name, spec.language), &spec);
      if (!inserted)
        errors.push_back(spec.Where() + ": define " + spec.name + " (@lang " + spec.language +
                         ") already defined at " + it->second->Where());
    } else if (!rule_names.insert(spec.name).second) {
      errors.push_back(spec.Where() + ": rule name " + spec.name + " used twice");
    }
  }

  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(64 << 20);
  // Expanded in order (the expander reports into `errors`), compiled in
  // parallel, kept in order.
  std::vector<PendingRule> pending;
  std::set<std::string> gazetteer_types_used;
  for (const auto& spec : specs) {
    if (spec.kind == RuleKind::kDefine) continue;
    const Pass pass = PassOf(spec);
    Expander expander{defines, data->gazetteer, pass, spec, errors, gazetteer_types_used};
    std::set<std::string> stack;
    std::string pattern = NarrowLetterClasses(expander.Expand(spec.pattern, stack));
    if (!expander.failed) pending.push_back({&spec, pass, std::move(pattern)});
  }
  // A type nothing reads is a typo ("OGR" for "ORG"), whose entries would be
  // silently lost: said at its first line.
  for (const GazetteerEntry* first : data->gazetteer.FirstEntryOfEachType()) {
    if (gazetteer_types_used.count(first->type) || kGazetteerTypesTheExtractorReads.count(first->type)) continue;
    errors.push_back(first->file + ":" + std::to_string(first->line) + ": gazetteer type '" + first->type +
                     "' is read by no rule (as {" + first->type +
                     "}) and not by the extractor (rules/README.md, \"Gazetteers\", lists its types)");
  }
  // Each pattern is compiled once, by the prefilter of its pass and language
  // (FilteredRE2 compiles what it is given, and keeps the RE2): the rule's
  // RE2 is the one there, of the Vietnamese set for a rule of any language.
  // Compiling every pattern a second time for the rule itself was half of
  // loading the rules, which a start, a SIGHUP and every extract wait for.
  // Sets per pass and rule language (vi; en, which other documents share)
  // hold the language's own rules and "any" rules, by priority; a rule
  // identical to one already there (same kind, type, priority and expanded
  // pattern) would find the same matches again, and runs once.
  constexpr std::size_t kPassSets = static_cast<std::size_t>(kPassCount) * kRuleLanguageCount;
  const auto home_set = [](const PendingRule& r) {
    return static_cast<std::size_t>(r.pass) * kRuleLanguageCount + (r.spec->language == "en" ? 1 : 0);
  };
  const auto key_of = [](const PendingRule& r) {
    return std::to_string(static_cast<int>(r.spec->kind)) + '\x1f' + r.spec->type + '\x1f' +
           std::to_string(r.spec->priority) + '\x1f' + r.pattern;
  };
  struct SetMembers {
    std::vector<std::size_t> pending;        // by priority: filter id i is pending[i]
    std::map<std::string, int> id_of_key;    // key_of(rule) -> its filter id
  };
  std::vector<SetMembers> members(kPassSets);
  std::vector<std::vector<std::string>> pass_errors(kPassSets);
  std::vector<std::vector<char>> failed(kPassSets);  // per set, per pending rule: its pattern did not compile
  const auto in_set = [&](std::size_t i, const PendingRule& r) {
    const int lang = static_cast<int>(i) % kRuleLanguageCount;
    const std::string& l = r.spec->language;
    return static_cast<int>(r.pass) == static_cast<int>(i) / kRuleLanguageCount &&
           (l == "any" || (lang == 0 && l == "vi") || (lang == 1 && l == "en"));
  };
  // The sets take very different times (the English funding rules are most
  // of it), so the largest starts first and the others share the other
  // cores meanwhile: in the sets' own order, the largest came last and ran
  // alone. The size of a set's patterns stands for its time.
  std::vector<std::size_t> set_order(kPassSets), set_size(kPassSets);
  for (std::size_t i = 0; i < kPassSets; ++i) {
    set_order[i] = i;
    for (const auto& r : pending)
      if (in_set(i, r)) set_size[i] += r.pattern.size();
  }
  std::stable_sort(set_order.begin(), set_order.end(),
                   [&](std::size_t a, std::size_t b) { return set_size[a] > set_size[b]; });
  ParallelFor(kPassSets, [&](std::size_t k) {
    const std::size_t i = set_order[k];
    const int p = static_cast<int>(i) / kRuleLanguageCount;
    const int lang = static_cast<int>(i) % kRuleLanguageCount;
    std::vector<std::size_t> candidates;
    for (std::size_t j = 0; j < pending.size(); ++j)
      if (in_set(i, pending[j])) candidates.push_back(j);
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
      return pending[a].spec->priority > pending[b].spec->priority;
    });
    PassRules& pr = data->passes[static_cast<std::size_t>(p)][static_cast<std::size_t>(lang)];
    SetMembers& set = members[i];
    failed[i].assign(pending.size(), 0);
    for (std::size_t j : candidates) {
      const std::string key = key_of(pending[j]);
      if (set.id_of_key.count(key)) continue;
      if (!pr.filter) pr.filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
      int id = 0;
      if (pr.filter->Add(pending[j].pattern, options, &id) != RE2::NoError) {
        failed[i][j] = 1;  // said once, below, by the rule's home set
        continue;
      }
      set.id_of_key.emplace(key, id);
      set.pending.push_back(j);
    }
  });

  // The rules, each with the RE2 of its home set, or an error.
  std::vector<std::unique_ptr<CompiledRule>> compiled(pending.size());
  std::vector<std::vector<std::string>> rule_errors(pending.size());
  ParallelFor(pending.size(), [&](std::size_t j) {
    const std::size_t home = home_set(pending[j]);
    if (failed[home][j]) {
      rule_errors[j].push_back(CompileError(pending[j], options));
      return;
    }
    const int id = members[home].id_of_key.at(key_of(pending[j]));
    const PassRules& pr = data->passes[home / kRuleLanguageCount][home % kRuleLanguageCount];
    compiled[j] = MakeRule(pending[j], &pr.filter->GetRE2(id), rule_errors[j]);
  });
  std::vector<const CompiledRule*> rule_of_pending(pending.size(), nullptr);
  bool every_rule_made = true;
  for (std::size_t j = 0; j < pending.size(); ++j) {
    for (auto& e : rule_errors[j]) errors.push_back(std::move(e));
    rule_of_pending[j] = compiled[j].get();
    if (compiled[j]) data->rules.push_back(std::move(compiled[j]));
    else every_rule_made = false;
  }

  // The sets' scans. A set's filter ids are its rules' places in pr.rules, so
  // with a rule missing (its errors are reported, and the whole set is
  // dropped by Load) the scans are not built.
  if (every_rule_made) ParallelFor(kPassSets, [&](std::size_t i) {
    const int p = static_cast<int>(i) / kRuleLanguageCount;
    const int lang = static_cast<int>(i) % kRuleLanguageCount;
    std::vector<std::string>& errors = pass_errors[i];
    PassRules& pr = data->passes[static_cast<std::size_t>(p)][static_cast<std::size_t>(lang)];
    for (std::size_t j : members[i].pending) pr.rules.push_back(rule_of_pending[j]);
    if (pr.rules.empty()) return;
    std::vector<std::string> atoms;
    pr.filter->Compile(&atoms);
    // With no atom matched, FilteredRE2 names exactly the rules it cannot filter.
    pr.filter->AllPotentials({}, &pr.unfiltered);
    std::sort(pr.unfiltered.begin(), pr.unfiltered.end());
    if (atoms.empty() && pr.unfiltered.empty()) return;
    // The atoms first, as case-insensitive literals, then the unfiltered
    // rules' patterns, or a part of them every match holds (SetPatternOf).
    pr.scan = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const std::string& atom : atoms) {
      std::string error;
      if (pr.scan->Add("(?i:" + RE2::QuoteMeta(atom) + ")", &error) < 0)
        errors.push_back(directory + ": prefilter atom '" + atom + "': " + error);
    }
    pr.atom_count = static_cast<int>(atoms.size());
    for (int id : pr.unfiltered) {
      std::string error;
      if (pr.scan->Add(SetPatternOf(*pr.rules[static_cast<std::size_t>(id)]->re, options), &error) < 0)
        errors.push_back(pr.rules[static_cast<std::size_t>(id)]->spec.Where() +
                         ": the prefilter cannot read this pattern: " + error);
    }
    // Last, each rule's required literal (RequiredLiteralOf), once for all
    // the rules that share it: FilteredRE2 drops an atom from the
    // conditions of the rules it guards when more than eight need it with
    // others (a common word), and then lets those rules through on their
    // other atoms alone; a rule whose literal is absent cannot match.
    pr.first_literal = pr.atom_count + static_cast<int>(pr.unfiltered.size());
    pr.literal_of_rule.assign(pr.rules.size(), -1);
    std::map<std::string, int> literal_index;
    for (std::size_t id = 0; id < pr.rules.size(); ++id) {
      const std::string literal = RequiredLiteralOf(pr.rules[id]->re->pattern());
      if (literal.empty()) continue;
      const auto [it, added] = literal_index.try_emplace(literal, static_cast<int>(literal_index.size()));
      if (added) {
        std::string error;
        if (pr.scan->Add(RE2::QuoteMeta(literal), &error) < 0) {
          errors.push_back(pr.rules[id]->spec.Where() + ": the prefilter cannot read this literal: " + error);
          continue;
        }
      }
      pr.literal_of_rule[id] = it->second;
    }
    pr.literal_count = static_cast<int>(literal_index.size());
    if (!pr.scan->Compile())
      errors.push_back(directory + ": the rules' literal strings and the rules without any are too many to compile together");
  });
  for (auto& pass : pass_errors)
    for (auto& e : pass) errors.push_back(std::move(e));
  std::vector<fs::path> files = gazetteer_files;
  files.insert(files.end(), rule_files.begin(), rule_files.end());
  SortByPlace(errors, files);
  return data;
}

}  // namespace

namespace {

// Calls on_candidate(i, id) for each sentence i, in order, and each rule that
// may match there, by its place `id` in pr.rules, ascending.
template <typename OnCandidate>
void ForEachCandidate(const PassRules& pr, std::string_view whole, const std::vector<text::Span>& sentences,
                      OnCandidate on_candidate) {
  if (!pr.filter) return;
  // The Set runs over every sentence before any rule does: its DFA stays in
  // the CPU's caches for the whole document, where alternating Sets and
  // rules sentence by sentence made every scan start cold (the same Sets
  // scanned 2 to 4 times faster this way; bench/RESULTS.md).
  //
  // One Set finds the atoms and the unfiltered rules that match. It sees one
  // byte more on each side than the sentence: RE2's \b looks at one (ASCII)
  // byte either side, so every position of the sentence sees the same
  // neighbours as ForEachMatch does, and a match that strays past the edge
  // (a rule's, or an atom's) only lets a rule through, never drops one. On
  // an error (out of DFA memory) every rule stays a candidate.
  std::vector<bool> unfiltered_matched(pr.rules.size());
  std::vector<bool> literal_matched(static_cast<std::size_t>(pr.literal_count));
  std::vector<int> matched, matched_atoms, ids;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    std::fill(unfiltered_matched.begin(), unfiltered_matched.end(), true);
    std::fill(literal_matched.begin(), literal_matched.end(), false);
    matched_atoms.clear();
    if (pr.scan) {
      const std::size_t from = sentences[i].begin > 0 ? sentences[i].begin - 1 : 0;
      const std::size_t to = std::min(whole.size(), sentences[i].end + 1);
      matched.clear();
      RE2::Set::ErrorInfo info;
      if (!pr.scan->Match(whole.substr(from, to - from), &matched, &info) && info.kind != RE2::Set::kNoError) {
        for (std::size_t id = 0; id < pr.rules.size(); ++id) on_candidate(i, id);
        continue;
      }
      for (int id : pr.unfiltered) unfiltered_matched[static_cast<std::size_t>(id)] = false;
      for (int k : matched) {
        if (k < pr.atom_count) {
          matched_atoms.push_back(k);
        } else if (k >= pr.first_literal) {
          literal_matched[static_cast<std::size_t>(k - pr.first_literal)] = true;
        } else {
          const int rule = pr.unfiltered[static_cast<std::size_t>(k - pr.atom_count)];
          unfiltered_matched[static_cast<std::size_t>(rule)] = true;
        }
      }
    }
    // Without an atom, FilteredRE2's answer is the unfiltered rules, known
    // since Build; the call would still allocate its arrays (about 6% of
    // the calls on the corpus).
    if (matched_atoms.empty()) ids = pr.unfiltered;
    else pr.filter->AllPotentials(matched_atoms, &ids);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (int id : ids) {
      const int literal = pr.literal_of_rule.empty() ? -1 : pr.literal_of_rule[static_cast<std::size_t>(id)];
      if (unfiltered_matched[static_cast<std::size_t>(id)] &&
          (literal < 0 || literal_matched[static_cast<std::size_t>(literal)]))
        on_candidate(i, static_cast<std::size_t>(id));
    }
  }
}

}  // namespace

std::vector<std::vector<const CompiledRule*>> CandidateRulesBySentence(const RuleSetData& data, Pass pass, int language,
                                                                       std::string_view whole,
                                                                       const std::vector<text::Span>& sentences) {
  const PassRules& pr = data.For(pass, language);
  std::vector<std::vector<const CompiledRule*>> out(sentences.size());
  ForEachCandidate(pr, whole, sentences, [&](std::size_t i, std::size_t id) { out[i].push_back(pr.rules[id]); });
  return out;
}

std::vector<std::vector<std::size_t>> CandidateSentencesByRule(const RuleSetData& data, Pass pass, int language,
                                                               std::string_view whole,
                                                               const std::vector<text::Span>& sentences) {
  const PassRules& pr = data.For(pass, language);
  std::vector<std::vector<std::size_t>> out(pr.rules.size());
  ForEachCandidate(pr, whole, sentences, [&](std::size_t i, std::size_t id) { out[id].push_back(i); });
  return out;
}

std::vector<const CompiledRule*> CandidateRules(const RuleSetData& data, Pass pass, int language,
                                                std::string_view whole, std::size_t begin, std::size_t end) {
  return std::move(CandidateRulesBySentence(data, pass, language, whole, {text::Span{begin, end}}).front());
}

RuleSet::RuleSet(std::unique_ptr<RuleSetData> data) : data_(std::move(data)) {}
RuleSet::~RuleSet() = default;

const Gazetteer& RuleSet::gazetteer() const { return data_->gazetteer; }
std::size_t RuleSet::rule_count() const { return data_->rules.size(); }
std::size_t RuleSet::gazetteer_size() const { return data_->gazetteer.size(); }
const std::string& RuleSet::directory() const { return data_->directory; }

RuleSet::CheckReport RuleSet::Check(const std::string& directory) {
  CheckReport report;
  const auto data = Build(directory, report.errors);
  if (data) {
    report.rule_count = data->rules.size();
    report.gazetteer_size = data->gazetteer.size();
  }
  return report;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Load(const std::string& directory) {
  std::vector<std::string> errors;
  auto data = Build(directory, errors);
  if (!data) return Error::NotFound(errors.front());
  if (!errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
    return Error::Malformed(message);
  }
  return std::shared_ptr<const RuleSet>(new RuleSet(std::move(data)));
}

}  // namespace pw::extract
