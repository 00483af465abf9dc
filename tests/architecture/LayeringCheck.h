#pragma once

#include <QDir>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace trunkline::tests {

// The layering rule of docs/architecture.md, checked against the source tree: each library folder under
// src/ may include headers of, and link, only the libraries the "Who may use whom" table allows it, and
// the table lists the libraries in the order src/CMakeLists.txt adds them. Read as text (#include lines,
// Trunkline:: targets in CMakeLists.txt), so a dependency cannot hide behind a build that happens to work.
class LayeringCheck {
public:
    // One row of the table: a folder under src/ and the folders it may use. "providers (top)" in the
    // table lets a library use the files directly in providers/ (the provider table) but none of the
    // libraries in its sub-folders (providers/ringcentral/, …): it may ask what a provider can do, not
    // build its client.
    struct Layer {
        QString library;
        QStringList mayUse;
        QStringList topOnly; // of mayUse, the ones usable only through their top-level files
    };

    // `architecturePage` is the Markdown text of docs/architecture.md, `sourceDir` the project's src/.
    LayeringCheck(const QString& architecturePage, const QDir& sourceDir);

    // The table's rows in the page's order; a page without the table yields none.
    const QList<Layer>& layers() const { return m_layers; }

    // Every broken rule, one readable line each ("src/models/X.cpp:12 includes sync/…; models may use
    // only core, store"). Empty when the tree keeps to the table.
    QStringList violations() const;

private:
    QStringList tableViolations() const;
    QStringList orderViolations() const;
    QStringList includeViolations() const;
    QStringList linkViolations() const;
    QString ruleFor(const QString& library) const;
    bool allows(const QString& library, const QString& used, bool intoSubLibrary) const;
    QMap<QString, QString> folderOfTarget() const;

    QList<Layer> m_layers;
    QDir m_sourceDir;
};

} // namespace trunkline::tests
