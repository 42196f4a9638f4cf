#include "reports/report_model.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "common/text.h"
#include "domain/rounds.h"
#include "reports/format.h"
#include "reports/labels.h"

namespace planwatch::reports {
namespace {

using domain::ActivityStatus;

std::string DateOnly(const std::string& timestamp) { return timestamp.substr(0, 10); }

// The day a report was received if that is by as_of: a report counts as received
// once submitted, whatever the review said since.
std::optional<domain::CivilDate> ReceivedOn(const domain::ProgressReport& r, const domain::CivilDate& as_of) {
    if (r.review == domain::ReviewState::kDraft || r.submitted_at.empty()) return std::nullopt;
    StatusOr<domain::CivilDate> on = domain::ParseCivilDate(DateOnly(r.submitted_at));
    if (!on.ok() || *on > as_of) return std::nullopt;
    return *on;
}

std::string CanonicalPeriod(const std::string& text) {
    StatusOr<domain::Period> p = domain::ParsePeriod(text);
    return p.ok() ? domain::ToString(*p) : text;
}

std::string Schedule(const domain::Node& node) {
    if (!node.periods.empty()) {
        std::string out;
        for (const std::string& p : node.periods) out += (out.empty() ? "" : ", ") + p;
        return out;
    }
    if (!node.deadline_text.empty()) return node.deadline_text;
    if (node.deadline) return FormatDatePoint(*node.deadline);
    return "";
}

struct RoundInfo {
    domain::ReportingRound round;
    domain::Period period;
    domain::CivilDate due;   // due_on plus grace days
    bool counts = false;     // due before as_of, closed, or the round the report is for
    RoundSummary summary;
    std::map<std::string, RoundCounts> by_lead;  // counted while the activities are walked
};

// Everything the builder needs about one activity while it walks the tree.
struct Walk {
    const domain::Plan& plan;
    ReportModel& model;
    std::map<std::string, int> pillar_of_top;  // top node code+title -> by_pillar index
};

IndicatorRow MakeIndicator(const domain::Indicator& indicator, const domain::IndicatorAchievement* a,
                           const std::string& language) {
    IndicatorRow row{.name = indicator.name, .target = indicator.target};
    if (indicator.target) row.target_text = FormatTarget(*indicator.target, language);
    if (a) {
        row.actual = a->actual;
        row.ratio = a->ratio;
        row.achievement = a->achievement;
    } else {
        row.achievement = indicator.target ? domain::Achievement::kNoValue : domain::Achievement::kNoTarget;
    }
    return row;
}

ReportRow MakeReportRow(const ReportEntry& entry, const domain::Node& node) {
    const domain::ProgressReport& r = entry.report;
    ReportRow row{.period = CanonicalPeriod(r.period), .institution = entry.institution, .claimed = r.claimed,
                  .submitted_on = DateOnly(r.submitted_at), .narrative = r.narrative};
    for (const domain::Evidence& e : r.evidence) row.evidence.push_back(e.url);
    for (const domain::IndicatorValue& v : r.values) {
        std::string name = v.indicator_index >= 0 && v.indicator_index < static_cast<int>(node.indicators.size())
                               ? node.indicators[v.indicator_index].name
                               : "#" + std::to_string(v.indicator_index + 1);
        row.values.emplace_back(name, v.value);
    }
    return row;
}

const ActivityReports* FindReports(const std::vector<ActivityReports>& all, const domain::Node& node,
                                   const std::string& path) {
    for (const ActivityReports& a : all) {
        if (a.activity_id && node.id) {
            if (*a.activity_id == *node.id) return &a;
            continue;
        }
        if (a.activity_code.empty() || a.activity_code != node.code) continue;
        if (a.activity_path.empty() || a.activity_path == path) return &a;
    }
    return nullptr;
}

std::string LeadOf(const domain::Node& node) {
    for (const domain::Responsibility& r : node.responsible) {
        if (r.role == domain::ResponsibilityRole::kLead) return r.institution;
    }
    return "";
}

void AddActivity(const domain::Node& node, const std::string& path, int pillar, const ActivityReports* known,
                 std::vector<RoundInfo>& rounds, const domain::CivilDate& as_of, const ModelOptions& options,
                 Walk& walk, std::map<std::string, InstitutionSummary>& institutions) {
    const domain::Plan& plan = walk.plan;
    ActivityRow row{.id = node.id, .code = node.code, .title = node.title, .source_line = node.source_line,
                    .path = path, .pillar = pillar, .results = node.results,
                    .frequency = node.frequency ? domain::Name(*node.frequency) : "", .schedule = Schedule(node),
                    .lead = LeadOf(node), .budget = node.budget};
    for (const domain::Responsibility& r : node.responsible) {
        if (r.role == domain::ResponsibilityRole::kPartner) row.partners.push_back(r.institution);
    }

    std::vector<domain::KnownReport> known_reports;
    // The reports received by as_of (submitted, whatever the review said since):
    // their writer, canonical period and day, parsed once for every round below.
    struct Received {
        const std::string* institution;
        domain::Period period;
        domain::CivilDate on;
    };
    std::vector<Received> received;
    if (known) {
        known_reports.reserve(known->reports.size());
        for (const ReportEntry& e : known->reports) {
            const domain::ProgressReport& r = e.report;
            known_reports.push_back({r.period, r.claimed, r.review, DateOnly(r.submitted_at), r.values});
            std::optional<domain::CivilDate> on = ReceivedOn(r, as_of);
            if (!on) continue;
            // Only a report whose period parses can be a round's.
            if (StatusOr<domain::Period> period = domain::ParsePeriod(r.period); period.ok()) {
                received.push_back({&e.institution, *period, *on});
            }
            if (r.review != domain::ReviewState::kApproved) continue;
            ++institutions[e.institution].approved_reports;
            if (options.report_rows) row.reports.push_back(MakeReportRow(e, node));
        }
    }
    std::stable_sort(row.reports.begin(), row.reports.end(), [](const ReportRow& a, const ReportRow& b) {
        return a.period != b.period ? a.period < b.period : a.submitted_on < b.submitted_on;
    });
    std::map<std::string, ReportRow> latest;
    for (const ReportRow& r : row.reports) latest[r.institution] = r;
    for (auto& [name, r] : latest) row.latest_reports.push_back(std::move(r));

    domain::ActivityContext context{.plan_start_year = plan.period_start, .plan_end_year = plan.period_end,
                                    .lead = row.lead};
    for (RoundInfo& info : rounds) {
        if (row.lead.empty() || !domain::IsScheduledIn(node, info.period, plan)) continue;
        if (!info.counts) continue;
        InstitutionSummary& lead = institutions[row.lead];
        RoundCounts& in_round = info.by_lead[row.lead];
        ++lead.expected;
        ++info.summary.expected;
        ++in_round.expected;
        // The first report received for the period decides timeliness.
        std::optional<domain::CivilDate> first;
        for (const Received& r : received) {
            if (r.period != info.period || *r.institution != row.lead) continue;
            if (!first || r.on < *first) first = r.on;
        }
        if (!first) {
            context.missed_rounds.push_back(info.summary.period);
            continue;
        }
        ++lead.received;
        ++info.summary.received;
        ++in_round.received;
        if (*first <= info.due) {
            ++lead.on_time;
            ++info.summary.on_time;
            ++in_round.on_time;
        }
    }

    domain::ActivityStatuses statuses =
        domain::ComputeActivityStatuses(node, known_reports, context, as_of, options.rules);
    domain::ComputedStatus& computed = statuses.whole;
    row.status = computed.status;
    row.reason = computed.reason;
    row.reason_parts = computed.reason_parts;
    row.due = computed.due;
    row.recurring = node.frequency && *node.frequency != domain::Frequency::kOnce;
    for (auto& [period, status] : statuses.periods) {
        row.periods.push_back({.period = period, .status = status.status, .reason = std::move(status.reason),
                               .reason_parts = std::move(status.reason_parts)});
    }
    if (node.start) {
        row.start = domain::FirstDay(*node.start);
    } else if (!node.periods.empty()) {
        for (const std::string& p : node.periods) {
            StatusOr<domain::Period> period = domain::ParsePeriod(p);
            if (!period.ok()) continue;
            domain::CivilDate first = domain::PeriodFirstDay(*period);
            if (!row.start || first < *row.start) row.start = first;
        }
    } else if (plan.period_start) {
        row.start = domain::CivilDate{*plan.period_start, 1, 1};
    }
    for (size_t i = 0; i < node.indicators.size(); ++i) {
        const domain::IndicatorAchievement* a = nullptr;
        for (const domain::IndicatorAchievement& x : computed.indicators) {
            if (x.indicator_index == static_cast<int>(i)) a = &x;
        }
        row.indicators.push_back(MakeIndicator(node.indicators[i], a, walk.model.language));
    }

    int index = static_cast<int>(walk.model.activities.size());
    if (!row.lead.empty()) {
        InstitutionSummary& lead = institutions[row.lead];
        lead.led.push_back(index);
        lead.lead_counts.Add(row.status);
    }
    for (const std::string& p : row.partners) institutions[p].partnered.push_back(index);
    walk.model.totals.Add(row.status);
    if (pillar >= 0) walk.model.by_pillar[pillar].counts.Add(row.status);
    walk.model.activities.push_back(std::move(row));
}

void WalkNodes(const std::vector<domain::Node>& nodes, int depth, const std::string& path, int pillar,
               const std::vector<ActivityReports>& reports, std::vector<RoundInfo>& rounds,
               const domain::CivilDate& as_of, const ModelOptions& options, Walk& walk,
               std::map<std::string, InstitutionSummary>& institutions) {
    for (const domain::Node& node : nodes) {
        OutlineEntry entry{.depth = depth, .kind = node.kind, .code = node.code, .title = node.title};
        if (node.kind == domain::NodeKind::kActivity) {
            entry.activity = static_cast<int>(walk.model.activities.size());
            walk.model.outline.push_back(entry);
            AddActivity(node, path, pillar, FindReports(reports, node, path), rounds, as_of, options, walk, institutions);
            continue;
        }
        walk.model.outline.push_back(entry);
        int child_pillar = pillar;
        if (depth == 0) {
            walk.model.by_pillar.push_back({.code = node.code, .title = node.title});
            child_pillar = static_cast<int>(walk.model.by_pillar.size()) - 1;
        }
        std::string child_path = path.empty() ? node.code : path + "/" + node.code;
        WalkNodes(node.children, depth + 1, child_path, child_pillar, reports, rounds, as_of, options, walk,
                  institutions);
    }
}

int Severity(ActivityStatus s) {
    switch (s) {
        case ActivityStatus::kOverdue: return 0;
        case ActivityStatus::kNotReported: return 1;
        case ActivityStatus::kAtRisk: return 2;
        default: return 9;
    }
}

}  // namespace

const std::array<ActivityStatus, kStatusCount>& StatusOrder() {
    static const std::array<ActivityStatus, kStatusCount> kOrder = {
        ActivityStatus::kOverdue,   ActivityStatus::kNotReported, ActivityStatus::kAtRisk,
        ActivityStatus::kOnTrack,   ActivityStatus::kNotStarted,  ActivityStatus::kCompleted,
        ActivityStatus::kCancelled};
    return kOrder;
}

std::optional<double> RoundCounts::Completeness() const {
    if (expected == 0) return std::nullopt;
    return static_cast<double>(received) / expected;
}

std::optional<double> RoundCounts::Timeliness() const {
    if (expected == 0) return std::nullopt;
    return static_cast<double>(on_time) / expected;
}

std::optional<double> InstitutionSummary::Completeness() const {
    if (expected == 0) return std::nullopt;
    return static_cast<double>(received) / expected;
}

std::optional<double> InstitutionSummary::Timeliness() const {
    if (expected == 0) return std::nullopt;
    return static_cast<double>(on_time) / expected;
}

const InstitutionSummary* ReportModel::FindInstitution(const std::string& name) const {
    for (const InstitutionSummary& i : institutions) {
        if (i.name == name) return &i;
    }
    return nullptr;
}

std::optional<InstitutionSummary> ReportModel::SummaryOf(int64_t institution_id) const {
    std::optional<InstitutionSummary> merged;
    for (const domain::Institution& entry : plan.institutions) {
        if (entry.id != institution_id) continue;
        const InstitutionSummary* one = FindInstitution(entry.name);
        if (!merged) merged = InstitutionSummary{.name = entry.name, .acronym = entry.acronym};
        if (!one) continue;
        merged->led.insert(merged->led.end(), one->led.begin(), one->led.end());
        merged->partnered.insert(merged->partnered.end(), one->partnered.begin(), one->partnered.end());
        merged->expected += one->expected;
        merged->received += one->received;
        merged->on_time += one->on_time;
        merged->approved_reports += one->approved_reports;
    }
    if (!merged) return std::nullopt;
    for (std::vector<int>* list : {&merged->led, &merged->partnered}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // An activity both names lead on is one activity: count each once, and partnering
    // on what it also leads is leading.
    std::vector<int> only_partner;
    std::set_difference(merged->partnered.begin(), merged->partnered.end(), merged->led.begin(), merged->led.end(),
                        std::back_inserter(only_partner));
    merged->partnered = std::move(only_partner);
    for (int index : merged->led) merged->lead_counts.Add(activities[index].status);
    return merged;
}

StatusOr<ReportModel> BuildReportModel(const domain::Plan& plan, const std::vector<ActivityReports>& reports,
                                       const std::vector<domain::ReportingRound>& rounds,
                                       const domain::CivilDate& as_of, const ModelOptions& options) {
    PW_RETURN_IF_ERROR(domain::Validate(plan));
    ReportModel model{.plan = plan, .as_of = as_of};
    model.language = PickLanguage(options.language.empty() ? plan.language : options.language);

    std::vector<RoundInfo> infos;
    bool round_found = false;
    for (const domain::ReportingRound& round : rounds) {
        StatusOr<domain::Period> period = domain::ParsePeriod(round.period);
        StatusOr<domain::CivilDate> due = domain::ParseCivilDate(round.due_on);
        if (!period.ok() || !due.ok()) continue;
        const bool chosen = options.round_id && round.id == options.round_id;
        round_found = round_found || chosen;
        RoundInfo info{.round = round, .period = *period, .due = domain::AddDays(*due, round.grace_days)};
        // A round counts once it is past due plus grace, or once a coordinator closed it.
        // The round a report is for counts too: that report is as of its due date,
        // before its grace days have run out.
        info.counts = info.due < as_of || domain::ClosedBy(round, domain::ToString(as_of)) || chosen;
        info.summary = {.id = round.id, .period = domain::ToString(*period), .opens_on = round.opens_on,
                        .due_on = round.due_on, .grace_days = round.grace_days, .due = info.counts};
        infos.push_back(std::move(info));
    }
    if (options.round_id && !round_found) {
        return NotFound("the plan has no reporting round " + std::to_string(*options.round_id));
    }
    std::sort(infos.begin(), infos.end(), [](const RoundInfo& a, const RoundInfo& b) {
        return domain::PeriodFirstDay(a.period) < domain::PeriodFirstDay(b.period);
    });

    std::map<std::string, InstitutionSummary> institutions;
    for (const domain::Institution& i : plan.institutions) institutions[i.name].acronym = i.acronym;
    Walk walk{plan, model, {}};
    WalkNodes(plan.nodes, 0, "", -1, reports, infos, as_of, options, walk, institutions);

    // Pillars without activities (a preamble heading) would only add empty rows.
    std::vector<int> remap(model.by_pillar.size(), -1);
    std::vector<GroupSummary> pillars;
    for (size_t i = 0; i < model.by_pillar.size(); ++i) {
        if (model.by_pillar[i].counts.total == 0) continue;
        remap[i] = static_cast<int>(pillars.size());
        pillars.push_back(std::move(model.by_pillar[i]));
    }
    model.by_pillar = std::move(pillars);
    for (ActivityRow& a : model.activities) {
        if (a.pillar >= 0) a.pillar = remap[a.pillar];
    }

    for (auto& [name, summary] : institutions) {
        if (name.empty()) continue;
        summary.name = name;
        model.institutions.push_back(std::move(summary));
    }
    std::sort(model.institutions.begin(), model.institutions.end(),
              [](const InstitutionSummary& a, const InstitutionSummary& b) {
                  std::string ka = text::SearchKey(a.name), kb = text::SearchKey(b.name);
                  return ka != kb ? ka < kb : a.name < b.name;
              });
    for (RoundInfo& info : infos) {
        for (auto& [name, counts] : info.by_lead) info.summary.institutions.push_back({name, counts});
        std::sort(info.summary.institutions.begin(), info.summary.institutions.end(),
                  [](const RoundInstitution& a, const RoundInstitution& b) {
                      std::string ka = text::SearchKey(a.name), kb = text::SearchKey(b.name);
                      return ka != kb ? ka < kb : a.name < b.name;
                  });
        if (options.round_id && info.round.id == options.round_id) model.round = info.summary;
        model.rounds.push_back(info.summary);
    }

    for (size_t i = 0; i < model.activities.size(); ++i) {
        const ActivityRow& a = model.activities[i];
        if (Severity(a.status) < 9) model.attention.push_back(static_cast<int>(i));
        for (const IndicatorRow& ind : a.indicators) {
            if (!ind.target) continue;
            ++model.achievement.with_target;
            switch (ind.achievement) {
                case domain::Achievement::kMet: ++model.achievement.met; break;
                case domain::Achievement::kNear: ++model.achievement.near; break;
                case domain::Achievement::kBehind: ++model.achievement.behind; break;
                case domain::Achievement::kNoValue: ++model.achievement.no_value; break;
                case domain::Achievement::kNoTarget: break;
            }
        }
    }
    std::stable_sort(model.attention.begin(), model.attention.end(), [&model](int a, int b) {
        return Severity(model.activities[a].status) < Severity(model.activities[b].status);
    });
    return model;
}

}  // namespace planwatch::reports
