#include "LayeringCheck.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace trunkline::tests {

namespace {

const QString kTableHeading = QStringLiteral("Who may use whom");

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString cell(QString text) {
    return text.remove(QLatin1Char('`')).trimmed();
}

// The rows of the first Markdown table after the heading that names the rule.
QList<LayeringCheck::Layer> parseTable(const QString& page) {
    QList<LayeringCheck::Layer> layers;
    const QStringList lines = page.split(QLatin1Char('\n'));
    qsizetype row = 0;
    while (row < lines.size() &&
           !(lines[row].startsWith(QLatin1Char('#')) && lines[row].contains(kTableHeading))) {
        ++row;
    }
    while (++row < lines.size() && !lines[row].trimmed().startsWith(QLatin1Char('|'))) {
    }
    for (row += 2; row < lines.size() && lines[row].trimmed().startsWith(QLatin1Char('|'));
         ++row) { // +2: header, rule
        const QStringList cells = lines[row].trimmed().split(QLatin1Char('|'));
        if (cells.size() < 4) {
            continue;
        }
        LayeringCheck::Layer layer{cell(cells[1]), {}, {}};
        for (const QString& used : cells[2].split(QLatin1Char(','))) {
            QString name = cell(used);
            const bool topOnly = name.endsWith(QStringLiteral("(top)"));
            name = name.remove(QStringLiteral("(top)")).trimmed();
            if (!name.isEmpty() && name != QStringLiteral("—") && name != QStringLiteral("-")) {
                layer.mayUse << name;
                if (topOnly) {
                    layer.topOnly << name;
                }
            }
        }
        layers << layer;
    }
    return layers;
}

QStringList filesUnder(const QDir& dir, const QStringList& nameFilters) {
    QStringList files;
    QDirIterator it(dir.path(), nameFilters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();
    return files;
}

} // namespace

LayeringCheck::LayeringCheck(const QString& architecturePage, const QDir& sourceDir)
    : m_layers(parseTable(architecturePage))
    , m_sourceDir(sourceDir) {
}

QStringList LayeringCheck::violations() const {
    if (m_layers.isEmpty()) {
        return {QStringLiteral("docs/architecture.md has no \"%1\" table").arg(kTableHeading)};
    }
    return tableViolations() + orderViolations() + includeViolations() + linkViolations();
}

// The table itself: a library may use only libraries listed above it (so the graph has no cycle), and
// every folder under src/ has a row.
QStringList LayeringCheck::tableViolations() const {
    QStringList problems;
    QSet<QString> above;
    for (const Layer& layer : m_layers) {
        for (const QString& used : layer.mayUse) {
            if (!above.contains(used)) {
                problems << QStringLiteral("the table lets %1 use %2, which is not listed above it")
                                .arg(layer.library, used);
            }
        }
        above.insert(layer.library);
    }
    for (const QString& folder : m_sourceDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!above.contains(folder)) {
            problems << QStringLiteral("src/%1 has no row in the table").arg(folder);
        }
    }
    return problems;
}

QStringList LayeringCheck::orderViolations() const {
    static const QRegularExpression addSubdirectory(QStringLiteral(R"(^\s*add_subdirectory\((\w+)\))"),
                                                    QRegularExpression::MultilineOption);
    QStringList built;
    auto it = addSubdirectory.globalMatch(readText(m_sourceDir.filePath(QStringLiteral("CMakeLists.txt"))));
    while (it.hasNext()) {
        built << it.next().captured(1);
    }
    QStringList listed;
    for (const Layer& layer : m_layers) {
        listed << layer.library;
    }
    if (built == listed) {
        return {};
    }
    return {QStringLiteral("src/CMakeLists.txt adds %1, the table lists %2")
                .arg(built.join(QStringLiteral(", ")), listed.join(QStringLiteral(", ")))};
}

QStringList LayeringCheck::includeViolations() const {
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*"(\w+)/(\w+)/?)"));
    QStringList problems;
    for (const Layer& layer : m_layers) {
        const QDir folder(m_sourceDir.filePath(layer.library));
        for (const QString& path : filesUnder(folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")})) {
            const QString relative = m_sourceDir.relativeFilePath(path);
            const QStringList lines = readText(path).split(QLatin1Char('\n'));
            for (qsizetype number = 0; number < lines.size(); ++number) {
                const auto match = include.match(lines[number]);
                if (!match.hasMatch()) {
                    continue;
                }
                const QString used = match.captured(1);
                const QString where = QStringLiteral("src/%1:%2").arg(relative).arg(number + 1);
                const bool intoSubLibrary = QFileInfo::exists(m_sourceDir.filePath(
                    used + QLatin1Char('/') + match.captured(2) + QStringLiteral("/CMakeLists.txt")));
                if (used != layer.library && !allows(layer.library, used, intoSubLibrary)) {
                    const QString what = intoSubLibrary ? used + QLatin1Char('/') + match.captured(2) : used;
                    problems
                        << QStringLiteral("%1 includes %2/…; %3").arg(where, what, ruleFor(layer.library));
                    continue;
                }
                // Sub-folders that are libraries of their own (providers/ringcentral, …) do not use
                // each other: each stands beside its siblings, not above them.
                const QString ownSub = relative.section(QLatin1Char('/'), 1, 1);
                const QString usedSub = match.captured(2);
                const bool siblings = used == layer.library && ownSub != usedSub &&
                                      folder.exists(ownSub + QStringLiteral("/CMakeLists.txt")) &&
                                      folder.exists(usedSub + QStringLiteral("/CMakeLists.txt"));
                if (siblings) {
                    problems << QStringLiteral("%1 includes %2/%3/…, a sibling library of %2/%4")
                                    .arg(where, used, usedSub, ownSub);
                }
            }
        }
    }
    return problems;
}

QStringList LayeringCheck::linkViolations() const {
    static const QRegularExpression target(QStringLiteral(R"(Trunkline::(\w+))"));
    const QMap<QString, QString> folderOf = folderOfTarget();
    QStringList problems;
    for (const Layer& layer : m_layers) {
        const QDir libraryDir(m_sourceDir.filePath(layer.library));
        for (const QString& path : filesUnder(libraryDir, {QStringLiteral("CMakeLists.txt")})) {
            auto it = target.globalMatch(readText(path));
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                const QString folder = folderOf.value(name); // "providers" or "providers/ringcentral"
                const QString used = folder.section(QLatin1Char('/'), 0, 0);
                if (used.isEmpty()) {
                    problems << QStringLiteral("src/%1 links Trunkline::%2, which no library defines")
                                    .arg(m_sourceDir.relativeFilePath(path), name);
                } else if (used != layer.library &&
                           !allows(layer.library, used, folder.contains(QLatin1Char('/')))) {
                    problems << QStringLiteral("src/%1 links Trunkline::%2 (%3); %4")
                                    .arg(m_sourceDir.relativeFilePath(path), name, folder,
                                         ruleFor(layer.library));
                }
            }
        }
    }
    return problems;
}

// Each trunkline_add_library(name …) belongs to the folder of the CMakeLists.txt that defines it, as
// "top" or "top/sub" (at most two levels: a sub-folder of a library is a library of its own).
QMap<QString, QString> LayeringCheck::folderOfTarget() const {
    static const QRegularExpression definition(QStringLiteral(R"(trunkline_add_library\(\s*(\w+))"));
    QMap<QString, QString> folderOf;
    for (const QString& path : filesUnder(m_sourceDir, {QStringLiteral("CMakeLists.txt")})) {
        const QString top =
            QFileInfo(m_sourceDir.relativeFilePath(path)).path().section(QLatin1Char('/'), 0, 1);
        auto it = definition.globalMatch(readText(path));
        while (it.hasNext()) {
            folderOf.insert(it.next().captured(1), top);
        }
    }
    return folderOf;
}

QString LayeringCheck::ruleFor(const QString& library) const {
    for (const Layer& layer : m_layers) {
        if (layer.library == library) {
            QStringList names;
            for (const QString& used : layer.mayUse) {
                names << (layer.topOnly.contains(used) ? used + QStringLiteral(" (top)") : used);
            }
            return names.isEmpty()
                       ? QStringLiteral("%1 may use no other library").arg(library)
                       : QStringLiteral("%1 may use only %2").arg(library, names.join(QStringLiteral(", ")));
        }
    }
    return QStringLiteral("%1 has no row in the table").arg(library);
}

bool LayeringCheck::allows(const QString& library, const QString& used, bool intoSubLibrary) const {
    const bool usedIsLibrary = std::any_of(m_layers.cbegin(), m_layers.cend(),
                                           [&](const Layer& layer) { return layer.library == used; });
    if (!usedIsLibrary) {
        return true; // a sub-folder of the library itself (e.g. gui's "numbers/…") or a generated header
    }
    for (const Layer& layer : m_layers) {
        if (layer.library == library) {
            return layer.mayUse.contains(used) && !(intoSubLibrary && layer.topOnly.contains(used));
        }
    }
    return false;
}

} // namespace trunkline::tests
