#include "storage/sql/registry_sql.h"

#include <soci/soci.h>

#include <map>

#include "common/text.h"
#include "storage/sql/clock.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

// Counts look at the newest version of each plan only: older versions are history.
constexpr char kSelectInstitutions[] = R"sql(
    SELECT i.id, i.name, i.acronym, i.kind, i.parent_id, COALESCE(p.name, ''), i.contact, i.reviewed,
        (SELECT COUNT(DISTINCT pi.plan_id) FROM plan_institution pi JOIN plan pl ON pl.id = pi.plan_id
            WHERE pi.institution_id = i.id
            AND pl.version = (SELECT MAX(v.version) FROM plan v WHERE v.series_id = pl.series_id)),
        (SELECT COUNT(DISTINCT r.node_id) FROM responsibility r JOIN node n ON n.id = r.node_id
            JOIN plan pl ON pl.id = n.plan_id
            WHERE r.institution_id = i.id AND r.role = 'lead'
            AND pl.version = (SELECT MAX(v.version) FROM plan v WHERE v.series_id = pl.series_id)),
        (SELECT COUNT(DISTINCT r.node_id) FROM responsibility r JOIN node n ON n.id = r.node_id
            JOIN plan pl ON pl.id = n.plan_id
            WHERE r.institution_id = i.id AND r.role <> 'lead'
            AND pl.version = (SELECT MAX(v.version) FROM plan v WHERE v.series_id = pl.series_id)),
        (SELECT COUNT(*) FROM app_user u WHERE u.institution_id = i.id)
    FROM institution i LEFT JOIN institution p ON p.id = i.parent_id
    WHERE i.id = :id OR :all_rows = 1
    ORDER BY i.id)sql";
constexpr char kSelectAliases[] = R"sql(
    SELECT institution_id, alias FROM institution_alias
    WHERE institution_id = :id OR :all_rows = 1
    ORDER BY institution_id, id)sql";

constexpr char kSelectKey[] = "SELECT search_key FROM institution WHERE id = :id";
constexpr char kSelectNameAndAcronym[] = "SELECT name, acronym FROM institution WHERE id = :id";
constexpr char kInsertAlias[] = R"sql(
    INSERT INTO institution_alias (institution_id, alias, search_key)
    VALUES (:institution_id, :alias, :search_key)
    ON CONFLICT (institution_id, search_key) DO NOTHING)sql";
constexpr char kSelectFromAliases[] = "SELECT alias FROM institution_alias WHERE institution_id = :id ORDER BY id";
// Fills only what into lacks: into's own values were chosen or confirmed.
constexpr char kFillFromOther[] = R"sql(
    UPDATE institution SET
        acronym = CASE WHEN acronym = '' THEN (SELECT o.acronym FROM institution o WHERE o.id = :a) ELSE acronym END,
        acronym_key = CASE WHEN acronym_key = ''
            THEN (SELECT o.acronym_key FROM institution o WHERE o.id = :b) ELSE acronym_key END,
        kind = CASE WHEN kind = '' THEN (SELECT o.kind FROM institution o WHERE o.id = :c) ELSE kind END,
        contact = CASE WHEN contact = '' THEN (SELECT o.contact FROM institution o WHERE o.id = :d) ELSE contact END
    WHERE id = :into_id)sql";
// A unit whose parent was from now hangs under into; into itself, when it was
// from's child, takes from's parent so no unit becomes its own parent.
constexpr char kMoveChildren[] =
    "UPDATE institution SET parent_id = :into_id WHERE parent_id = :from_id AND id <> :into_self";
constexpr char kReparentInto[] = R"sql(
    UPDATE institution SET parent_id =
        (SELECT CASE WHEN o.parent_id = :into_a THEN NULL ELSE o.parent_id END FROM institution o WHERE o.id = :from_a)
    WHERE id = :into_b AND parent_id = :from_b)sql";
// Every column that names an institution, table by table.
constexpr const char* kReferences[] = {
    "UPDATE plan_institution SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE responsibility SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE app_user SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE progress_report SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE round_reopening SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE reminder_outbox SET institution_id = :into_id WHERE institution_id = :from_id",
    "UPDATE need SET institution_id = :into_id WHERE institution_id = :from_id",
};
constexpr char kDeleteInstitution[] = "DELETE FROM institution WHERE id = :id";
constexpr char kSetReviewed[] = "UPDATE institution SET reviewed = :reviewed WHERE id = :id";

constexpr char kSelectSetting[] = "SELECT value FROM app_setting WHERE name = :name";
constexpr char kInsertSetting[] = R"sql(
    INSERT INTO app_setting (name, value) VALUES (:name, :value)
    ON CONFLICT (name) DO NOTHING)sql";

constexpr char kCountInstitution[] = "SELECT COUNT(*) FROM institution WHERE id = :id";
constexpr char kCountService[] = "SELECT COUNT(*) FROM social_service WHERE id = :id";
constexpr char kInsertNeed[] = R"sql(
    INSERT INTO need (institution_id, recorded_on, locality, beneficiary_group, kind, referred_by, urgency,
                      service_id, outcome, person_key, created_by, created_at)
    VALUES (:institution_id, :recorded_on, :locality, :beneficiary_group, :kind, :referred_by, :urgency,
            :service_id, :outcome, :person_key, :created_by, :created_at)
    RETURNING id)sql";
constexpr char kSelectNeeds[] = R"sql(
    SELECT id, institution_id, recorded_on, locality, beneficiary_group, kind, referred_by, urgency, service_id,
           outcome, person_key, created_by, created_at, version
    FROM need
    WHERE (id = :need_id OR :any_need = 1) AND (institution_id = :institution_id OR :any_institution = 1)
    ORDER BY id)sql";
// Only from the version the edit was made on: a stale edit changes no row.
constexpr char kUpdateNeed[] = R"sql(
    UPDATE need SET service_id = :service_id, outcome = :outcome, version = version + 1
    WHERE id = :id AND version = :version)sql";
constexpr char kSelectNeedVersion[] = "SELECT version FROM need WHERE id = :id";
constexpr char kDeleteMonth[] = "DELETE FROM service_month WHERE service_id = :service_id AND month = :month";
constexpr char kInsertMonth[] = R"sql(
    INSERT INTO service_month (service_id, month, beneficiaries, waiting, reported_by, reported_at)
    VALUES (:service_id, :month, :beneficiaries, :waiting, :reported_by, :reported_at))sql";
constexpr char kSelectMonths[] = R"sql(
    SELECT service_id, month, beneficiaries, waiting, reported_by, reported_at FROM service_month
    WHERE service_id = :service_id OR :all_rows = 1
    ORDER BY service_id, month)sql";

bool Exists(soci::session& session, const char* query, int64_t id) {
    long long key = id, count = 0;
    session << query, soci::use(key), soci::into(count);
    return count > 0;
}

void AddAlias(soci::session& session, long long into, const std::string& into_key, const std::string& alias) {
    std::string key = text::SearchKey(alias);
    if (key.empty() || key == into_key) return;
    session << kInsertAlias, soci::use(into), soci::use(alias), soci::use(key);
}

}  // namespace

std::vector<InstitutionRecord> ReadInstitutions(soci::session& session, std::optional<int64_t> institution_id) {
    long long only = institution_id.value_or(0);
    int all_rows = institution_id ? 0 : 1;
    std::vector<InstitutionRecord> result;
    std::map<long long, size_t> index;
    {
        long long id = 0, plans = 0, leads = 0, partners = 0, users = 0;
        int reviewed = 0;
        Nullable<long long> parent;
        std::string name, acronym, kind, parent_name, contact;
        soci::statement st = (session.prepare << kSelectInstitutions, soci::use(only), soci::use(all_rows),
                              soci::into(id), soci::into(name), soci::into(acronym), soci::into(kind),
                              soci::into(parent.value, parent.ind), soci::into(parent_name), soci::into(contact),
                              soci::into(reviewed), soci::into(plans), soci::into(leads), soci::into(partners),
                              soci::into(users));
        st.execute();
        while (st.fetch()) {
            InstitutionRecord record;
            record.institution.id = id;
            record.institution.name = name;
            record.institution.acronym = acronym;
            record.institution.kind = kind;
            record.institution.parent = parent_name;
            record.institution.contact = contact;
            if (auto p = parent.Get()) record.parent_id = *p;
            record.reviewed = reviewed != 0;
            record.plans = static_cast<int>(plans);
            record.leads = static_cast<int>(leads);
            record.partners = static_cast<int>(partners);
            record.users = static_cast<int>(users);
            index[id] = result.size();
            result.push_back(std::move(record));
        }
    }
    long long owner = 0;
    std::string alias;
    soci::statement st = (session.prepare << kSelectAliases, soci::use(only), soci::use(all_rows), soci::into(owner),
                          soci::into(alias));
    st.execute();
    while (st.fetch()) {
        auto found = index.find(owner);
        if (found != index.end()) result[found->second].institution.aliases.push_back(alias);
    }
    return result;
}

Status MergeInstitutionRows(soci::session& session, int64_t from_id, int64_t into_id) {
    if (from_id == into_id) return InvalidArgument("cannot merge institution " + std::to_string(from_id) + " into itself");
    if (!Exists(session, kCountInstitution, from_id)) return NotFound("no institution with id " + std::to_string(from_id));
    if (!Exists(session, kCountInstitution, into_id)) return NotFound("no institution with id " + std::to_string(into_id));
    long long from = from_id, into = into_id;

    std::string into_key, from_name, from_acronym;
    session << kSelectKey, soci::use(into), soci::into(into_key);
    session << kSelectNameAndAcronym, soci::use(from), soci::into(from_name), soci::into(from_acronym);
    std::vector<std::string> from_aliases;
    {
        std::string alias;
        soci::statement st = (session.prepare << kSelectFromAliases, soci::use(from), soci::into(alias));
        st.execute();
        while (st.fetch()) from_aliases.push_back(alias);
    }
    AddAlias(session, into, into_key, from_name);
    if (!from_acronym.empty()) AddAlias(session, into, into_key, from_acronym);
    for (const std::string& alias : from_aliases) AddAlias(session, into, into_key, alias);

    session << kFillFromOther, soci::use(from), soci::use(from), soci::use(from), soci::use(from), soci::use(into);
    session << kReparentInto, soci::use(into), soci::use(from), soci::use(into), soci::use(from);
    session << kMoveChildren, soci::use(into), soci::use(from), soci::use(into);
    for (const char* update : kReferences) session << update, soci::use(into), soci::use(from);
    session << kDeleteInstitution, soci::use(from);
    return Status::Ok();
}

Status WriteInstitutionReviewed(soci::session& session, int64_t institution_id, bool reviewed) {
    if (!Exists(session, kCountInstitution, institution_id)) {
        return NotFound("no institution with id " + std::to_string(institution_id));
    }
    long long id = institution_id;
    int flag = reviewed ? 1 : 0;
    session << kSetReviewed, soci::use(flag), soci::use(id);
    return Status::Ok();
}

std::optional<std::string> ReadSetting(soci::session& session, const std::string& name) {
    std::string value;
    session << kSelectSetting, soci::use(name), soci::into(value);
    if (!session.got_data()) return std::nullopt;
    return value;
}

std::string EnsureSettingRow(soci::session& session, const std::string& name, const std::string& value) {
    session << kInsertSetting, soci::use(name), soci::use(value);
    return ReadSetting(session, name).value_or(value);
}

StatusOr<int64_t> WriteNeed(soci::session& session, const domain::Need& need) {
    if (!Exists(session, kCountInstitution, need.institution_id)) {
        return NotFound("no institution with id " + std::to_string(need.institution_id));
    }
    if (need.service_id && !Exists(session, kCountService, *need.service_id)) {
        return NotFound("no social service with id " + std::to_string(*need.service_id));
    }
    long long institution = need.institution_id, id = 0;
    Nullable<long long> service(need.service_id ? std::optional<long long>(*need.service_id) : std::nullopt);
    std::string at = need.created_at.empty() ? NowUtc() : need.created_at;
    session << kInsertNeed, soci::use(institution), soci::use(need.recorded_on), soci::use(need.locality),
        soci::use(need.beneficiary_group), soci::use(need.kind), soci::use(need.referred_by), soci::use(need.urgency),
        soci::use(service.value, service.ind), soci::use(need.outcome), soci::use(need.person_key),
        soci::use(need.created_by), soci::use(at), soci::into(id);
    return static_cast<int64_t>(id);
}

Status RewriteNeed(soci::session& session, int64_t need_id, int version, std::optional<int64_t> service_id,
                   const std::string& outcome) {
    long long id = need_id;
    int stored = 0;
    session << kSelectNeedVersion, soci::use(id), soci::into(stored);
    if (!session.got_data()) return NotFound("no need with id " + std::to_string(need_id));
    if (stored != version) {
        return Conflict("need " + std::to_string(need_id) + " is at version " + std::to_string(stored) +
                        ", the edit was made on version " + std::to_string(version));
    }
    if (service_id && !Exists(session, kCountService, *service_id)) {
        return NotFound("no social service with id " + std::to_string(*service_id));
    }
    Nullable<long long> service(service_id ? std::optional<long long>(*service_id) : std::nullopt);
    soci::statement st = (session.prepare << kUpdateNeed, soci::use(service.value, service.ind), soci::use(outcome),
                          soci::use(id), soci::use(version));
    st.execute(true);
    // Another writer between the read and the update: the same refusal as a stale version.
    if (st.get_affected_rows() != 1) return Conflict("need " + std::to_string(need_id) + " changed during the edit");
    return Status::Ok();
}

std::vector<domain::Need> ReadNeeds(soci::session& session, std::optional<int64_t> need_id,
                                    std::optional<int64_t> institution_id) {
    long long want_need = need_id.value_or(0), want_institution = institution_id.value_or(0);
    int any_need = need_id ? 0 : 1, any_institution = institution_id ? 0 : 1;
    std::vector<domain::Need> result;
    long long id = 0, institution = 0;
    Nullable<long long> service;
    domain::Need row;
    soci::statement st =
        (session.prepare << kSelectNeeds, soci::use(want_need), soci::use(any_need), soci::use(want_institution),
         soci::use(any_institution), soci::into(id), soci::into(institution), soci::into(row.recorded_on),
         soci::into(row.locality), soci::into(row.beneficiary_group), soci::into(row.kind), soci::into(row.referred_by),
         soci::into(row.urgency), soci::into(service.value, service.ind), soci::into(row.outcome),
         soci::into(row.person_key), soci::into(row.created_by), soci::into(row.created_at), soci::into(row.version));
    st.execute();
    while (st.fetch()) {
        domain::Need need = row;
        need.id = id;
        need.institution_id = institution;
        if (auto s = service.Get()) need.service_id = *s;
        result.push_back(std::move(need));
    }
    return result;
}

Status WriteServiceMonth(soci::session& session, const domain::ServiceMonth& month) {
    if (!Exists(session, kCountService, month.service_id)) {
        return NotFound("no social service with id " + std::to_string(month.service_id));
    }
    long long service = month.service_id;
    std::string at = month.reported_at.empty() ? NowUtc() : month.reported_at;
    session << kDeleteMonth, soci::use(service), soci::use(month.month);
    session << kInsertMonth, soci::use(service), soci::use(month.month), soci::use(month.beneficiaries),
        soci::use(month.waiting), soci::use(month.reported_by), soci::use(at);
    return Status::Ok();
}

std::vector<domain::ServiceMonth> ReadServiceMonths(soci::session& session, std::optional<int64_t> service_id) {
    long long only = service_id.value_or(0), service = 0;
    int all_rows = service_id ? 0 : 1;
    std::vector<domain::ServiceMonth> result;
    domain::ServiceMonth row;
    soci::statement st = (session.prepare << kSelectMonths, soci::use(only), soci::use(all_rows), soci::into(service),
                          soci::into(row.month), soci::into(row.beneficiaries), soci::into(row.waiting),
                          soci::into(row.reported_by), soci::into(row.reported_at));
    st.execute();
    while (st.fetch()) {
        domain::ServiceMonth month = row;
        month.service_id = service;
        result.push_back(std::move(month));
    }
    return result;
}

}  // namespace planwatch::storage::sql
