// The annual social-services plan (model of Ordinul MMJS 1086/2018 in Romania, and
// plans like it): the registry of existing services with capacity, occupancy and
// budgets per funding source checked against the TOTAL row; proposed services; the
// contracting programme (CPV codes); information activities; training programme.
// The document is read block by block; a table is classified by its header columns,
// and the chapter it sits in decides the information and training parts.
#include <algorithm>
#include <cstdio>
#include <map>

#include "common/text.h"
#include "import/recognise/nomenclature.h"
#include "import/recognise/recogniser.h"
#include "import/recognise/services_layout.h"
#include "import/recognise/services_plan.h"
#include "import/recognise/services_values.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

using domain::SocialService;

enum class TableKind { kNone, kExisting, kProposed, kContracting, kTraining };
enum class Chapter { kOther, kInformation, kTraining };

std::string CellText(const Cell& cell) { return text::Normalize(cell.text); }

// "[bookmark: _Hlk123]Centrul …" -> "Centrul …": a Word bookmark that a text export kept.
std::string CleanName(std::string name) {
    for (size_t pos = name.find("[bookmark:"); pos != std::string::npos; pos = name.find("[bookmark:")) {
        size_t end = name.find(']', pos);
        if (end == std::string::npos) break;
        name.erase(pos, end - pos + 1);
    }
    return text::Normalize(name);
}

// "12.478,5" style amounts as the document writes them (in its own unit).
std::string FormatUnits(int64_t minor, int64_t multiplier) {
    double units = static_cast<double>(minor) / 100.0 / static_cast<double>(multiplier);
    char buffer[64];
    if (units == static_cast<double>(static_cast<int64_t>(units))) {
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(units));
    } else {
        std::snprintf(buffer, sizeof buffer, "%.2f", units);
    }
    return buffer;
}

class ServicesPlanReader {
public:
    ServicesPlanReader(const Document& doc, const RecogniseOptions& options)
        : doc_(doc),
          glossary_(options.glossary != nullptr ? *options.glossary : Glossary::Default()),
          words_(RegistryWords::Default()),
          nomenclature_(Nomenclature::Default()) {}

    StatusOr<domain::Plan> Run(const RecogniseOptions& options) {
        plan_.kind = domain::PlanKind::kAnnualSocialServicesPlan;
        plan_.cadence = domain::Cadence::kAnnual;
        ReadServicesPlanMetadata(doc_, words_, plan_);
        if (options.language != "auto" && !options.language.empty()) plan_.language = options.language;
        default_currency_ = DocumentCurrency();
        for (const Block& block : doc_.blocks) {
            if (block.kind == Block::Kind::kParagraph) {
                OnParagraph(block.paragraph);
            } else {
                OnTable(block.table);
            }
        }
        End();
        FinishInformation();
        if (!found_table_) {
            SourcePosition where;
            where.file = options.file_name;
            return InvalidArgument("no social-services table found: expected columns such as “Cod serviciu social”, "
                                   "“Capacitate”, “Buget local”", where);
        }
        if (plan_.title.empty()) {
            plan_.title = "Annual social-services plan";
            Warn(0, "title_missing", "no paragraph names the plan; a generic title was used");
        }
        return std::move(plan_);
    }

private:
    // ---- blocks
    void OnParagraph(const Paragraph& paragraph) {
        std::string paragraph_text = text::Normalize(paragraph.text);
        std::string key = text::SearchKey(paragraph_text);
        if (StartsWithAny(key, words_.chapters)) {
            End();
            FinishInformation();
            chapter_ = ContainsAny(key, words_.information_titles) ? Chapter::kInformation
                       : ContainsAny(key, words_.training_titles)  ? Chapter::kTraining
                                                                  : Chapter::kOther;
            return;
        }
        if (chapter_ == Chapter::kInformation) {
            information_.push_back({text::Normalize(paragraph.text, true), paragraph.where.line});
            return;
        }
        if (!paragraph_text.empty()) last_paragraph_ = paragraph_text;
        if (kind_ == TableKind::kExisting || kind_ == TableKind::kNone) {
            if (std::optional<std::string> group = GroupOf(paragraph_text)) group_ = *group;
        }
    }

    void OnTable(const Table& table) {
        if (chapter_ == Chapter::kInformation) {
            if (ReadInformationTable(table)) return;
            for (const TextLine& line : DocumentLines(Document{{Block{Block::Kind::kTable, {}, table}}, {}, "", ""})) {
                information_.push_back(line);
            }
            return;
        }
        std::optional<TableLayout> layout =
            ReadServiceTableHeader(table, glossary_, words_, /*relaxed=*/chapter_ == Chapter::kTraining);
        TableKind kind = layout ? Classify(*layout) : TableKind::kNone;
        if (kind != TableKind::kNone) {
            End();
            Begin(kind, std::move(*layout));
            for (size_t row_idx = layout_.first_data_row; row_idx < table.rows.size(); ++row_idx) {
                Feed(table.rows[row_idx]);
            }
            return;
        }
        if (kind_ == TableKind::kNone) return;
        size_t widest = 0;
        for (const Row& row : table.rows) widest = std::max(widest, row.cells.size());
        if (widest > layout_.columns.size()) {
            End();
            return;
        }
        for (const Row& row : table.rows) Feed(row);  // the same table, cut by a note between its rows
    }

    TableKind Classify(const TableLayout& layout) const {
        if (chapter_ == Chapter::kTraining && layout.Has(Field::kBudget)) return TableKind::kTraining;
        if (layout.Has(Field::kCpv)) return TableKind::kContracting;
        bool service = layout.Has(Field::kServiceCode) || layout.Has(Field::kServiceName);
        if (!service) return TableKind::kNone;
        int name = layout.Find(Field::kServiceName);
        bool proposed = layout.Has(Field::kStaff) || layout.Has(Field::kArea_m2) ||
                        (name >= 0 && ContainsAny(text::SearchKey(layout.columns[name].header), words_.proposed));
        if (proposed) return TableKind::kProposed;
        if (layout.Has(Field::kCapacity) || layout.Has(Field::kBudget)) return TableKind::kExisting;
        return TableKind::kNone;
    }

    void Begin(TableKind kind, TableLayout layout) {
        kind_ = kind;
        found_table_ = found_table_ || kind == TableKind::kExisting || kind == TableKind::kProposed;
        layout_ = std::move(layout);
        rows_.emplace(layout_.columns.size());
        sums_.clear();
        column_currency_.assign(layout_.columns.size(), "");
        for (size_t col = 0; col < layout_.columns.size(); ++col) {
            column_currency_[col] = CurrencyIn(layout_.columns[col].header);
        }
        if (layout_.multiplier_extended) {
            Warn(layout_.header_line, "multiplier_extended",
                 "the thousands unit written under one budget column applies to every budget column of the table");
        }
        if (kind == TableKind::kTraining) training_name_ = StripOutlineLabel(last_paragraph_);
    }

    void Feed(const Row& row) {
        for (RowAssembler::Output& output : rows_->Add(row)) Dispatch(output);
    }

    void End() {
        if (kind_ == TableKind::kNone) return;
        if (std::optional<RowAssembler::Output> rest = rows_->Flush()) {
            Warn(FirstLine(rest->cells), "row_incomplete", "a row of the table ends before its last column");
            Dispatch(*rest);
        }
        kind_ = TableKind::kNone;
        rows_.reset();
    }

    void Dispatch(const RowAssembler::Output& output) {
        if (output.kind == RowAssembler::Output::Kind::kHeading) {
            if (std::optional<std::string> group = GroupOf(CellText(output.cells[0]))) group_ = *group;
            return;
        }
        switch (kind_) {
            case TableKind::kExisting:
            case TableKind::kProposed: ServiceRow(output.cells); break;
            case TableKind::kContracting: ContractingRow(output.cells); break;
            case TableKind::kTraining: TrainingRow(output.cells); break;
            case TableKind::kNone: break;
        }
    }

    // ---- rows
    void ServiceRow(const std::vector<Cell>& cells) {
        int line = FirstLine(cells);
        if (IsTotalRow(cells)) {
            CheckTotals(cells, line);
            End();
            return;
        }
        SocialService service;
        service.line = domain::ServiceLineKind::kService;
        service.state = kind_ == TableKind::kProposed ? domain::ServiceState::kProposed : domain::ServiceState::kExisting;
        service.source_line = line;
        service.beneficiaries = group_;
        std::string row_label;
        for (size_t col = 0; col < cells.size(); ++col) {
            const ServiceColumn& column = layout_.columns[col];
            const std::string cell = CellText(cells[col]);
            if (!column.field) continue;
            switch (*column.field) {
                case Field::kNumber: row_label = cell; break;
                case Field::kServiceCode: service.code = ReadCode(cell, cells[col].where.line); break;
                case Field::kServiceName:
                    if (service.name.empty()) service.name = CleanName(cell);
                    break;
                case Field::kBeneficiaries:
                    if (!IsBlankCell(cell)) service.beneficiaries = cell;
                    break;
                case Field::kProvider: service.provider = cell; break;
                case Field::kLocality: service.locality = cell; break;
                case Field::kCapacity:
                    if (!service.capacity) service.capacity = ParseCapacity(cells[col].text, column.header, words_);
                    if (ContainsAny(text::SearchKey(cell), words_.restructuring)) {
                        service.state = domain::ServiceState::kRestructuring;
                    }
                    break;
                case Field::kOccupancy: service.occupancy = ParseOccupancy(cell); break;
                case Field::kArea_m2: service.area_m2 = ParseArea(cell); break;
                case Field::kStaff: service.staff = CountStaff(cells[col].text); break;
                case Field::kBudget: ReadBudget(cells[col], col, service); break;
                case Field::kLicence:
                    ReadLicence(cell, service);
                    break;
                case Field::kLicenceDate:
                case Field::kLicenceExpiry:
                    ReadLicenceDate(cell, *column.field, service);
                    break;
                default: break;
            }
        }
        if (service.name.empty() && service.code.empty()) return;
        if (service.code.empty() && !layout_.Has(Field::kServiceCode)) {
            // no code column: nothing to report
        } else if (service.code.empty()) {
            Warn(line, "service_code_missing",
                 "“" + service.name + "” has no nomenclature code" + (row_label.empty() ? "" : " (row " + row_label + ")"));
        }
        plan_.services.push_back(std::move(service));
    }

    std::string ReadCode(const std::string& cell, int line) {
        if (IsBlankCell(cell)) return "";
        std::optional<std::string> code = NormaliseServiceCode(cell);
        if (!code) {
            Warn(line, "service_code_invalid", "“" + cell + "” is not a service code like “8790 CR-C-I”");
            return "";
        }
        if (nomenclature_.Find(*code) == nullptr) {
            Warn(line, "service_code_unknown", "service code “" + *code + "” is not in the HG 867/2015 nomenclature");
        }
        return *code;
    }

    // The licence column may hold the number alone or with its dates; columns of their own give the dates.
    void ReadLicence(const std::string& cell, SocialService& service) const {
        std::optional<domain::ServiceLicence> read = ParseLicence(cell, words_);
        if (!read) return;
        domain::ServiceLicence& licence = service.licence ? *service.licence : service.licence.emplace();
        licence.number = read->number;
        if (read->date) licence.date = read->date;
        if (read->expiry) licence.expiry = read->expiry;
    }

    void ReadLicenceDate(const std::string& cell, Field field, SocialService& service) const {
        std::optional<domain::ServiceLicence> read = ParseLicence(cell, words_);
        // A column of dates: the date it holds, whatever words stand before it.
        std::optional<domain::DatePoint> date = read ? (read->date ? read->date : read->expiry) : std::nullopt;
        if (!date) return;
        domain::ServiceLicence& licence = service.licence ? *service.licence : service.licence.emplace();
        (field == Field::kLicenceDate ? licence.date : licence.expiry) = date;
    }

    void ReadBudget(const Cell& cell, size_t col, SocialService& service) {
        const ServiceColumn& column = layout_.columns[col];
        if (IsBlankCell(cell.text)) return;
        std::optional<CellAmount> amount = ExtractAmount(cell.text, glossary_, column.multiplier);
        if (!amount) {
            Warn(cell.where.line, "amount_unreadable",
                 "“" + CellText(cell) + "” in column “" + column.lowest + "” is not an amount; no budget recorded");
            return;
        }
        if (amount->explicit_currency && column.multiplier != 1) {
            Warn(cell.where.line, "amount_as_written",
                 "“" + CellText(cell) + "” names its currency, so it was read as written, not in the column's thousands");
        }
        domain::ServiceBudget budget;
        budget.year = plan_.period_start.value_or(0);
        budget.source = column.source.empty() ? "other" : column.source;
        budget.amount_minor = amount->money.amount_minor;
        budget.currency = Currency(amount->money.currency, col);
        sums_[col] += budget.amount_minor;
        if (service.state == domain::ServiceState::kProposed && !service.code.empty()) {
            CheckCostStandard(service.code, *amount, cell.where.line);
        }
        service.budget.push_back(std::move(budget));
    }

    void CheckCostStandard(const std::string& code, const CellAmount& amount, int line) {
        const CostStandard* standard = nomenclature_.FindCostStandard(code);
        if (standard == nullptr || amount.rest.find("426") == std::string::npos) return;
        if (standard->amount_lei * 100 != amount.money.amount_minor) {
            Warn(line, "cost_standard_mismatch",
                 "the cost standard cited for " + code + " is " + FormatUnits(amount.money.amount_minor, 1) +
                     " but data/nomenclature gives " + std::to_string(standard->amount_lei) + " lei");
        }
    }

    bool IsTotalRow(const std::vector<Cell>& cells) const {
        for (const Cell& cell : cells) {
            std::string key = text::SearchKey(CellText(cell));
            for (const std::string& label : words_.total_labels) {
                if (key == label) return true;
            }
        }
        return false;
    }

    // The printed TOTAL of each budget column against the sum of the column's rows; a
    // mismatch names the column and both numbers, in the unit the column is written in.
    void CheckTotals(const std::vector<Cell>& cells, int line) {
        for (size_t col = 0; col < cells.size(); ++col) {
            const ServiceColumn& column = layout_.columns[col];
            if (column.field != Field::kBudget || IsBlankCell(cells[col].text)) continue;
            std::optional<CellAmount> printed = ExtractAmount(cells[col].text, glossary_, column.multiplier);
            if (!printed) {
                Warn(line, "total_unreadable", "the TOTAL of column “" + column.lowest + "” is not an amount");
                continue;
            }
            int64_t sum = sums_[col];
            if (sum != printed->money.amount_minor) {
                Warn(line, "total_mismatch",
                     "column “" + column.lowest + "”: the rows add up to " + FormatUnits(sum, column.multiplier) +
                         " but the TOTAL row says " + FormatUnits(printed->money.amount_minor, column.multiplier));
            }
        }
    }

    void ContractingRow(const std::vector<Cell>& cells) {
        auto cell_of = [&](Field field) -> std::string {
            int col = layout_.Find(field);
            return col < 0 ? "" : text::Normalize(cells[col].text, true);
        };
        int line = FirstLine(cells);
        std::string cpv_cell = cell_of(Field::kCpv);
        if (IsBlankCell(cpv_cell) && IsBlankCell(cell_of(Field::kBudget))) return;
        SocialService service;
        service.line = domain::ServiceLineKind::kContracting;
        service.state = domain::ServiceState::kExisting;
        service.source_line = line;
        // The CPV code opens the cell: "85311000-2 Servicii de asistență socială cu cazare pentru copii".
        size_t start = cpv_cell.find_first_of("0123456789");
        if (start == std::string::npos) {
            Warn(line, "cpv_missing", "contracting line without a CPV code");
        } else {
            size_t end = cpv_cell.find_first_of(" \n", start);
            std::string token = cpv_cell.substr(start, end == std::string::npos ? std::string::npos : end - start);
            service.code = token;
            if (!IsCpvCode(token)) {
                Warn(line, "cpv_format", "“" + token + "” is not a CPV code: expected 8 digits, a hyphen and a check "
                                         "digit, as in “85311000-2”");
            }
            std::string rest = end == std::string::npos ? "" : cpv_cell.substr(end);
            service.name = text::Normalize(rest.substr(0, rest.find('\n', rest.find_first_not_of(" \n"))));
        }
        if (std::optional<std::pair<std::string, size_t>> code = FindServiceCode(cpv_cell)) {
            if (nomenclature_.Find(code->first) == nullptr) {
                Warn(line, "service_code_unknown",
                     "service code “" + code->first + "” is not in the HG 867/2015 nomenclature");
            }
        }
        // A column of its own names the service more surely than the CPV code's description.
        if (std::string named = CleanName(cell_of(Field::kServiceName)); !IsBlankCell(named)) service.name = named;
        if (service.name.empty()) service.name = CleanName(cell_of(Field::kSpecificObjective));
        // "Beneficiari", not "Nr. de persoane", which the glossary files under the same field.
        if (int group_col = layout_.Find(Field::kBeneficiaries); group_col >= 0 && !layout_.columns[group_col].persons) {
            if (std::string group = CleanName(cells[group_col].text); !IsBlankCell(group)) service.beneficiaries = group;
        }
        int budget_col = layout_.Find(Field::kBudget);
        if (budget_col >= 0 && !IsBlankCell(cells[budget_col].text)) {
            std::optional<CellAmount> amount = ExtractAmount(cells[budget_col].text, glossary_, 1);
            if (!amount) {
                Warn(line, "amount_unreadable", "“" + CellText(cells[budget_col]) + "” is not an amount");
            } else {
                domain::ServiceBudget budget;
                budget.year = plan_.period_start.value_or(0);
                std::optional<std::string> source =
                    FindLabel(text::SearchKey(cell_of(Field::kFundingSource)), words_.funding_sources);
                budget.source = source.value_or("other");
                budget.amount_minor = amount->money.amount_minor;
                budget.currency = Currency(amount->money.currency, budget_col);
                service.budget.push_back(std::move(budget));
            }
        }
        plan_.services.push_back(std::move(service));
    }

    // A training table names each course's staff category in its first free-text
    // column ("Categoria profesională", "Personal de specialitate", "Teme de
    // interes"); the course is its heading ("a) cursuri de perfecționare:") when the
    // programme has one small table per course, or a column of its own
    // ("Activitate", "Denumirea cursului") when it is one table.
    void TrainingRow(const std::vector<Cell>& cells) {
        int budget_col = layout_.Find(Field::kBudget);
        int persons_col = -1, name_col = -1, category_col = -1, schedule_col = -1;
        for (size_t col = 0; col < layout_.columns.size(); ++col) {
            const ServiceColumn& column = layout_.columns[col];
            const int at = static_cast<int>(col);
            if (column.persons || column.field == Field::kBeneficiaries) {
                if (persons_col < 0) persons_col = at;
            } else if (column.field == Field::kActivity || column.field == Field::kServiceName) {
                if (name_col < 0) name_col = at;
            } else if (column.field == Field::kDeadline) {
                if (schedule_col < 0) schedule_col = at;
            } else if (column.field != Field::kNumber && column.field != Field::kBudget && category_col < 0) {
                category_col = at;
            }
        }
        std::string category = category_col < 0 ? "" : CellText(cells[category_col]);
        std::string course = name_col < 0 ? "" : CleanName(cells[name_col].text);
        if (category.empty() && course.empty()) return;
        SocialService service;
        service.line = domain::ServiceLineKind::kTraining;
        service.state = domain::ServiceState::kExisting;
        service.source_line = FirstLine(cells);
        service.name = !course.empty() ? course : !training_name_.empty() ? training_name_ : CleanName(category);
        service.beneficiaries = CleanName(category);
        while (!service.beneficiaries.empty() && std::string_view(";:,.").find(service.beneficiaries.back()) !=
                                                     std::string_view::npos) {
            service.beneficiaries.pop_back();
        }
        if (schedule_col >= 0 && !IsBlankCell(CellText(cells[schedule_col]))) {
            service.schedule = CellText(cells[schedule_col]);
        }
        if (persons_col >= 0 && persons_col != category_col) {
            if (std::optional<double> persons = FirstNumber(CellText(cells[persons_col]))) {
                service.capacity = domain::Capacity{*persons, domain::CapacityUnit::kPerYear};
            }
        }
        if (budget_col >= 0 && !IsBlankCell(cells[budget_col].text)) {
            std::optional<CellAmount> amount = ExtractAmount(cells[budget_col].text, glossary_, 1);
            if (!amount) {
                Warn(service.source_line, "budget_not_stated",
                     "“" + CellText(cells[budget_col]) + "” states no amount; no budget recorded");
            } else {
                domain::ServiceBudget budget;
                budget.year = plan_.period_start.value_or(0);
                budget.source = "other";
                budget.amount_minor = amount->money.amount_minor;
                budget.currency = Currency(amount->money.currency, budget_col);
                service.budget.push_back(std::move(budget));
            }
        }
        plan_.services.push_back(std::move(service));
    }

    // Some plans give the information chapter as a table ("Nr. crt. | Activitatea |
    // Termen"), not as numbered paragraphs: one line per row, with the calendar as
    // its column writes it. False for a table without an activity column, whose
    // text then reads as paragraphs do.
    bool ReadInformationTable(const Table& table) {
        std::optional<TableLayout> layout = ReadServiceTableHeader(table, glossary_, words_);
        if (!layout) return false;
        int name_col = layout->Find(Field::kActivity);
        if (name_col < 0) name_col = layout->Find(Field::kServiceName);
        if (name_col < 0) return false;
        FinishInformation();  // numbered paragraphs before the table come first
        const int number_col = layout->Find(Field::kNumber);
        const int schedule_col = layout->Find(Field::kDeadline);
        int group_col = layout->Find(Field::kBeneficiaries);
        if (group_col >= 0 && layout->columns[group_col].persons) group_col = -1;
        RowAssembler rows(layout->columns.size());
        auto add = [&](const RowAssembler::Output& output) {
            if (output.kind != RowAssembler::Output::Kind::kRow) return;
            const std::vector<Cell>& cells = output.cells;
            SocialService line;
            line.line = domain::ServiceLineKind::kInformation;
            line.state = domain::ServiceState::kExisting;
            line.source_line = FirstLine(cells);
            line.name = CleanName(cells[name_col].text);
            if (line.name.empty()) return;
            std::string number = number_col < 0 ? "" : CellText(cells[number_col]);
            while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.pop_back();
            line.code = number;
            if (schedule_col >= 0 && !IsBlankCell(CellText(cells[schedule_col]))) {
                line.schedule = CellText(cells[schedule_col]);
            }
            if (group_col >= 0 && !IsBlankCell(CellText(cells[group_col]))) line.beneficiaries = CellText(cells[group_col]);
            plan_.services.push_back(std::move(line));
        };
        for (size_t row_idx = layout->first_data_row; row_idx < table.rows.size(); ++row_idx) {
            for (const RowAssembler::Output& output : rows.Add(table.rows[row_idx])) add(output);
        }
        if (std::optional<RowAssembler::Output> rest = rows.Flush()) add(*rest);
        return true;
    }

    void FinishInformation() {
        if (information_.empty()) return;
        for (SocialService& line : ReadInformationActivities(information_, glossary_, words_)) {
            plan_.services.push_back(std::move(line));
        }
        information_.clear();
    }

    // ---- helpers
    // "A.2 Servicii sociale pentru persoane cu dizabilități" -> "persoane cu dizabilități".
    std::optional<std::string> GroupOf(const std::string& heading) const {
        if (heading.size() > 160) return std::nullopt;
        if (OutlineLabelLength(heading) == 0) return std::nullopt;
        std::string stripped = StripOutlineLabel(heading);
        if (stripped.empty()) return std::nullopt;
        std::string key = text::SearchKey(stripped);
        for (const std::string& preposition : words_.beneficiary_prepositions) {
            std::string needle = " " + preposition + " ";
            size_t pos = key.find(needle);
            if (pos == std::string::npos) continue;
            // Count words up to the preposition in the key, skip as many in the text.
            size_t skip_words = static_cast<size_t>(std::count(key.begin(), key.begin() + pos, ' ')) + 2;
            size_t at = 0;
            for (size_t w = 0; w < skip_words && at != std::string::npos; ++w) {
                at = stripped.find(' ', at);
                if (at != std::string::npos) ++at;
            }
            if (at != std::string::npos) return text::Normalize(std::string_view(stripped).substr(at));
        }
        return std::nullopt;
    }

    std::string CurrencyIn(const std::string& header) const {
        std::string key = text::SearchKey(header);
        for (const Phrase& phrase : glossary_.Phrases(WordKind::kCurrency)) {
            if (KeyContains(key, phrase.key)) return phrase.code;
        }
        return "";
    }

    std::string Currency(const std::string& stated, size_t col) const {
        if (!stated.empty()) return stated;
        if (col < column_currency_.size() && !column_currency_[col].empty()) return column_currency_[col];
        return default_currency_;
    }

    // The currency most amounts of the document name, for columns that name none.
    std::string DocumentCurrency() const {
        std::map<std::string, int> counts;
        for (const Block& block : doc_.blocks) {
            if (block.kind != Block::Kind::kTable) continue;
            for (const Row& row : block.table.rows) {
                for (const Cell& cell : row.cells) {
                    if (cell.text.size() > 80 || cell.text.find_first_of("0123456789") == std::string::npos) continue;
                    std::optional<CellAmount> amount = ExtractAmount(cell.text, glossary_, 1);
                    if (amount && amount->explicit_currency) ++counts[amount->money.currency];
                }
            }
        }
        std::string best = "RON";
        int best_count = 0;
        for (const auto& [currency, count] : counts) {
            if (count > best_count) {
                best = currency;
                best_count = count;
            }
        }
        return best;
    }

    static int FirstLine(const std::vector<Cell>& cells) {
        for (const Cell& cell : cells) {
            if (cell.where.line > 0) return cell.where.line;
        }
        return 0;
    }

    void Warn(int line, std::string code, std::string message) {
        plan_.warnings.push_back({line, std::move(message), std::move(code)});
    }

    const Document& doc_;
    const Glossary& glossary_;
    const RegistryWords& words_;
    const Nomenclature& nomenclature_;
    domain::Plan plan_;
    TableKind kind_ = TableKind::kNone;
    TableLayout layout_;
    std::optional<RowAssembler> rows_;
    std::map<size_t, int64_t> sums_;           // budget column -> sum of its rows, minor units
    std::vector<std::string> column_currency_;
    std::string default_currency_ = "RON";
    std::string group_;                        // beneficiaries named by the last group heading
    std::string last_paragraph_;
    std::string training_name_;
    Chapter chapter_ = Chapter::kOther;
    std::vector<TextLine> information_;
    bool found_table_ = false;
};

}  // namespace

double ScoreServicesPlan(const Document& doc, const Glossary& glossary) {
    const RegistryWords& words = RegistryWords::Default();
    for (const Block& block : doc.blocks) {
        if (block.kind != Block::Kind::kTable) continue;
        std::optional<TableLayout> layout = ReadServiceTableHeader(block.table, glossary, words);
        if (!layout) continue;
        bool service = layout->Has(Field::kServiceCode) || layout->Has(Field::kServiceName);
        if (service && (layout->Has(Field::kCapacity) || layout->Has(Field::kBudget))) return 0.9;
    }
    return 0;
}

StatusOr<domain::Plan> RecogniseServicesPlan(const Document& doc, const RecogniseOptions& options) {
    ServicesPlanReader reader(doc, options);
    return reader.Run(options);
}

}  // namespace planwatch::import::recognise
