#pragma once

#include "core/Csv.h"

#include <QCoreApplication>
#include <QKeySequence>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

class QAbstractItemView;
class QAction;
class QBoxLayout;
class QIODevice;
class QWidget;

namespace trunkline::gui {

// Where an export goes, as the save dialog chose it: the file, and whether it is for Excel (a BOM so
// that umlauts show, and the locale's list separator) or plain UTF-8 with commas.
struct CsvTarget {
    QString path;
    bool excel = false;

    core::CsvOptions options() const;
};

// Asks for the target; nullopt when the user cancels. Pages take one so that tests answer it.
using CsvTargetPrompt = std::function<std::optional<CsvTarget>(const QString& suggestedName)>;
// The save dialog with the two formats ("CSV for Excel" first: the usual reader of a CSV file).
CsvTargetPrompt saveCsvDialog(QWidget* parent, const QString& title);

// A page's "Export CSV…" action (Ctrl+E while the page has the focus) for a table or tree view: writes
// what the view shows, nothing more: the rows in the view's order (as sorted and filtered), the columns
// that are visible in their visual order with their titles, each cell as displayed. A tree (given its
// levels, setTreeLevels) is written one row per leaf, so that a spreadsheet can filter and sort it like a
// table. The file is written through QSaveFile, so a failed or cancelled export leaves nothing
// half-written; above a second's worth of rows a progress dialog with Cancel shows. For lazily paged
// tables (the numbers page) see NumbersCsvExport instead.
class TableCsvExport : public QObject {
    Q_OBJECT

public:
    // `view` is a QTableView or a QTreeView. `stem` names the suggested file ("extensions" ->
    // extensions-2026-12-05.csv); a tool button for the action is appended to `buttons` when given. A
    // table inside another exporting page (the forwarding list in the extensions page) passes an empty
    // shortcut, or neither Ctrl+E would fire.
    TableCsvExport(QWidget* page, QAbstractItemView* view, const QString& stem, QBoxLayout* buttons = nullptr,
                   const QKeySequence& shortcut = QKeySequence(Qt::CTRL | Qt::Key_E));

    QAction* action() const { return m_action; }
    void setTargetPrompt(CsvTargetPrompt prompt) { m_prompt = std::move(prompt); }
    // Writes the view as a tree: its first column becomes one column per level, with these titles
    // (translated: the page sets them again when the language changes). See write().
    void setTreeLevels(const QStringList& titles) { m_treeLevels = titles; }

    // Writes the view to the target; false with *error when the file cannot be written or the user
    // cancelled.
    bool exportTo(const CsvTarget& target, QString* error);
    // The CSV of what the view shows, to any open device. Without `treeLevels`, the rows of the model's
    // top level. With them, every leaf of the tree (a row without children) as one row: the level
    // columns take the first cells of its ancestors and its own, each at its depth (a leaf deeper than
    // the levels shares the last one, joined by " › "); any other cell the leaf leaves empty is its
    // nearest ancestor's (a field of a change shows the change's state). `progress` counts top-level rows.
    static bool write(QIODevice* device, const QAbstractItemView* view, const core::CsvOptions& options,
                      const QStringList& treeLevels = {},
                      const std::function<bool(int done, int total)>& progress = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void exportWithPrompt();
    void retranslate();

    QWidget* m_page;
    QAbstractItemView* m_view;
    QString m_stem;
    QStringList m_treeLevels;
    QAction* m_action;
    CsvTargetPrompt m_prompt;
};

} // namespace trunkline::gui
