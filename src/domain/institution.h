#pragma once
// An institution named in plans: a county council, a directorate, a school
// inspectorate, an NGO, a ministry — or a unit inside one (org chart).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planwatch::domain {

// A yearly figure of an organisational unit ("2023: 1.245 beneficiari asistați").
struct UnitFigure {
    int year = 0;
    double value = 0;
    std::string unit;     // "beneficiari", "copii", "dosare"
    std::string counted;  // what is counted, as written
    friend bool operator==(const UnitFigure&, const UnitFigure&) = default;
};

struct Institution {
    std::optional<int64_t> id;  // assigned by the Store
    std::string name;           // canonical name
    std::string acronym;
    std::vector<std::string> aliases;  // spellings seen, other than name
    std::string kind;           // county_council, directorate, school_inspectorate, police, town_hall, ministry, ngo, unit, …
    std::string parent;         // canonical name of the parent unit, empty for none
    std::string contact;        // address, phone, e-mail as written
    std::vector<UnitFigure> figures;
    friend bool operator==(const Institution&, const Institution&) = default;
};

}  // namespace planwatch::domain
