#include "import/pdf/pdf_rules.h"

#include <algorithm>
#include <cmath>

namespace planwatch::import::pdf {
namespace {

// Darker than this is ink; table borders are black or dark grey, cell shading
// is light (Word's "Gray-25%" is 191), and its edges are removed as thick anyway.
constexpr uint8_t kInk = 160;

struct Run {
    int lane;  // the pixel row (horizontal scan) or column (vertical scan)
    int from, to;  // inclusive, along the lane
};

// A run continued over neighbouring lanes: a line one or more pixels thick.
struct Band {
    int first_lane, last_lane;
    int from, to;
};

// Scans `lanes` lanes of `length` pixels each; dark(lane, i) says whether pixel i
// of a lane is ink. Runs of at least min_run pixels on neighbouring lanes, starting
// and ending within a pixel of each other, form one band.
template <typename Dark>
std::vector<Band> FindBands(int lanes, int length, int min_run, Dark dark) {
    std::vector<Band> done;
    std::vector<Band> open;
    std::vector<Band> next;
    for (int lane = 0; lane < lanes; ++lane) {
        next.clear();
        int i = 0;
        while (i < length) {
            if (!dark(lane, i)) {
                ++i;
                continue;
            }
            int start = i;
            while (i < length && dark(lane, i)) ++i;
            if (i - start < min_run) continue;
            Run run{lane, start, i - 1};
            auto continued = std::find_if(open.begin(), open.end(), [&](const Band& band) {
                return std::abs(band.from - run.from) <= 1 && std::abs(band.to - run.to) <= 1;
            });
            if (continued != open.end()) {
                Band band = *continued;
                band.last_lane = lane;
                band.from = std::min(band.from, run.from);
                band.to = std::max(band.to, run.to);
                open.erase(continued);
                next.push_back(band);
            } else {
                next.push_back(Band{lane, lane, run.from, run.to});
            }
        }
        // Bands that did not go on into this lane are finished.
        done.insert(done.end(), open.begin(), open.end());
        open.swap(next);
    }
    done.insert(done.end(), open.begin(), open.end());
    return done;
}

// Points: rules this close meet; boundaries closer than same_line are one
// (double borders). Both grow on coarse renderings.
struct Tolerance {
    double meet;
    double same_line;
};

bool Meet(const Rule& h, const Rule& v, double meet) {
    return v.x0 >= h.x0 - meet && v.x0 <= h.x1 + meet && h.y0 >= v.y0 - meet && h.y0 <= v.y1 + meet;
}

struct Sets {
    std::vector<size_t> parent;
    explicit Sets(size_t n) : parent(n) {
        for (size_t i = 0; i < n; ++i) parent[i] = i;
    }
    size_t Find(size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

std::vector<double> Boundaries(std::vector<double> positions, double same_line) {
    std::sort(positions.begin(), positions.end());
    std::vector<double> out;
    for (double position : positions) {
        if (out.empty() || position - out.back() > same_line) out.push_back(position);
    }
    return out;
}

}  // namespace

std::vector<Grid> FindGrids(const std::vector<Rule>& rules, double pixel) {
    // Borders are drawn joined: a vertical's run goes through the pixels of the
    // horizontal it ends on. A tall glyph in a short row comes within a point or
    // two of both borders but never touches them.
    const Tolerance tolerance{std::max(1.0, 2.5 * pixel), std::max(2.5, 2 * pixel)};
    std::vector<const Rule*> horizontal, vertical;
    for (const Rule& rule : rules) (rule.horizontal() ? horizontal : vertical).push_back(&rule);
    // A border meets two rules across it at least (the top and bottom of its
    // row); a glyph stroke or an underline meets none. Two passes: dropping
    // strokes can leave a horizontal rule that met only strokes.
    auto meeting = [&](const std::vector<const Rule*>& rules, const std::vector<const Rule*>& across, bool is_h) {
        std::vector<const Rule*> kept;
        for (const Rule* rule : rules) {
            int met = 0;
            for (const Rule* other : across) {
                if (is_h ? Meet(*rule, *other, tolerance.meet) : Meet(*other, *rule, tolerance.meet)) {
                    if (++met == 2) break;
                }
            }
            if (met == 2) kept.push_back(rule);
        }
        return kept;
    };
    vertical = meeting(vertical, horizontal, false);
    horizontal = meeting(horizontal, vertical, true);
    vertical = meeting(vertical, horizontal, false);

    Sets sets(horizontal.size() + vertical.size());
    for (size_t i = 0; i < horizontal.size(); ++i) {
        for (size_t j = 0; j < vertical.size(); ++j) {
            if (Meet(*horizontal[i], *vertical[j], tolerance.meet)) sets.Join(i, horizontal.size() + j);
        }
    }
    std::vector<std::vector<const Rule*>> h_of(sets.parent.size()), v_of(sets.parent.size());
    for (size_t i = 0; i < horizontal.size(); ++i) h_of[sets.Find(i)].push_back(horizontal[i]);
    for (size_t j = 0; j < vertical.size(); ++j) v_of[sets.Find(horizontal.size() + j)].push_back(vertical[j]);

    std::vector<Grid> grids;
    for (size_t root = 0; root < sets.parent.size(); ++root) {
        if (h_of[root].size() < 2 || v_of[root].size() < 2) continue;
        Grid grid;
        std::vector<double> xs, ys;
        for (const Rule* v : v_of[root]) xs.push_back(v->x0);
        for (const Rule* h : h_of[root]) ys.push_back(h->y0);
        grid.xs = Boundaries(xs, tolerance.same_line);
        grid.ys = Boundaries(ys, tolerance.same_line);
        if (grid.rows() < 1 || grid.columns() < 1) continue;
        grid.vertical.assign(grid.rows(), std::vector<bool>(grid.xs.size(), false));
        grid.horizontal.assign(grid.ys.size(), std::vector<bool>(grid.columns(), false));
        for (int r = 0; r < grid.rows(); ++r) {
            double middle = (grid.ys[r] + grid.ys[r + 1]) / 2;
            for (size_t k = 0; k < grid.xs.size(); ++k) {
                for (const Rule* v : v_of[root]) {
                    if (std::abs(v->x0 - grid.xs[k]) <= tolerance.same_line && v->y0 <= middle && v->y1 >= middle) {
                        grid.vertical[r][k] = true;
                        break;
                    }
                }
            }
        }
        for (size_t k = 0; k < grid.ys.size(); ++k) {
            for (int c = 0; c < grid.columns(); ++c) {
                double middle = (grid.xs[c] + grid.xs[c + 1]) / 2;
                for (const Rule* h : h_of[root]) {
                    if (std::abs(h->y0 - grid.ys[k]) <= tolerance.same_line && h->x0 <= middle && h->x1 >= middle) {
                        grid.horizontal[k][c] = true;
                        break;
                    }
                }
            }
        }
        grids.push_back(std::move(grid));
    }
    std::sort(grids.begin(), grids.end(), [](const Grid& a, const Grid& b) { return a.ys.front() < b.ys.front(); });
    return grids;
}

std::vector<Rule> FindRules(const GreyImage& image, double min_horizontal, double min_vertical, double max_thickness) {
    std::vector<Rule> rules;
    if (!image.pixels || image.width <= 0 || image.height <= 0 || image.pixels_per_point <= 0) return rules;
    const double scale = image.pixels_per_point;
    const int thickest = std::max(2, static_cast<int>(std::lround(max_thickness * scale)));
    auto at = [&](int x, int y) { return image.pixels[static_cast<size_t>(y) * image.stride + x] < kInk; };

    // On a coarse rendering a few pixels are a glyph's bar: a rule is 8 pixels long at least.
    int min_row_run = std::max(8, static_cast<int>(min_horizontal * scale));
    for (const Band& band : FindBands(image.height, image.width, min_row_run, [&](int y, int x) { return at(x, y); })) {
        if (band.last_lane - band.first_lane + 1 > thickest) continue;
        double y = (band.first_lane + band.last_lane + 1) / 2.0 / scale;
        rules.push_back(Rule{band.from / scale, y, (band.to + 1) / scale, y});
    }
    int min_column_run = std::max(8, static_cast<int>(min_vertical * scale));
    for (const Band& band : FindBands(image.width, image.height, min_column_run, [&](int x, int y) { return at(x, y); })) {
        if (band.last_lane - band.first_lane + 1 > thickest) continue;
        double x = (band.first_lane + band.last_lane + 1) / 2.0 / scale;
        rules.push_back(Rule{x, band.from / scale, x, (band.to + 1) / scale});
    }
    return rules;
}

}  // namespace planwatch::import::pdf
