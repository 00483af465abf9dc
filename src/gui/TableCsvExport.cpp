#include "gui/TableCsvExport.h"

#include "gui/PageActions.h"

#include <QBoxLayout>
#include <QDate>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

// Rows between progress updates: small enough for a smooth bar, large enough to cost nothing.
constexpr int kProgressStep = 500;

QString excelFilter() {
    return TableCsvExport::tr("CSV for Excel (*.csv)");
}

const QHeaderView* headerOf(const QAbstractItemView* view) {
    if (const auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->header();
    return qobject_cast<const QTableView*>(view)->horizontalHeader();
}

bool isRowHidden(const QAbstractItemView* view, int row, const QModelIndex& parent) {
    if (const auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->isRowHidden(row, parent);
    return qobject_cast<const QTableView*>(view)->isRowHidden(row);
}

// The level cells of a tree's leaf: the first cells of its ancestors and its own, each at its depth.
QStringList levelCells(const QModelIndex& leaf, int levels) {
    QStringList path;
    for (QModelIndex index = leaf.siblingAtColumn(0); index.isValid(); index = index.parent())
        path.prepend(index.data(Qt::DisplayRole).toString());
    QStringList cells = path.mid(0, levels - 1);
    cells << path.mid(levels - 1).join(u" › "_s);
    while (cells.size() < levels)
        cells << QString();
    return cells;
}

} // namespace

core::CsvOptions CsvTarget::options() const {
    return excel ? core::CsvOptions::forExcel(QLocale()) : core::CsvOptions{};
}

CsvTargetPrompt saveCsvDialog(QWidget* parent, const QString& title) {
    return [parent, title](const QString& suggestedName) -> std::optional<CsvTarget> {
        QString chosenFilter = excelFilter();
        const QString path = QFileDialog::getSaveFileName(
            parent, title,
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + suggestedName,
            excelFilter() + u";;"_s + TableCsvExport::tr("CSV, UTF-8 with commas (*.csv)"), &chosenFilter);
        if (path.isEmpty())
            return std::nullopt;
        return CsvTarget{path, chosenFilter == excelFilter()};
    };
}

TableCsvExport::TableCsvExport(QWidget* page, QAbstractItemView* view, const QString& stem,
                               QBoxLayout* buttons, const QKeySequence& shortcut)
    : QObject(page)
    , m_page(page)
    , m_view(view)
    , m_stem(stem)
    , m_action(makePageAction(this, u"exportCsvAction"_s, &TableCsvExport::exportWithPrompt))
    , m_prompt(saveCsvDialog(page, {})) {
    // Live while the focus is anywhere in the page, as the pages' own shortcuts.
    m_action->setShortcut(shortcut);
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(m_action);
    m_action->setIcon(QIcon::fromTheme(u"document-export"_s));
    if (buttons) {
        auto* button = new QToolButton(page);
        button->setObjectName(u"exportCsvButton"_s);
        button->setDefaultAction(m_action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
    }
    page->installEventFilter(this);
    retranslate();
}

bool TableCsvExport::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_page && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TableCsvExport::retranslate() {
    m_action->setText(tr("Export CSV…"));
    const QString tip = tr("Write the rows shown, in the shown column order, to a CSV file");
    m_action->setToolTip(
        m_action->shortcut().isEmpty()
            ? tip
            : u"%1 (%2)"_s.arg(tip, m_action->shortcut().toString(QKeySequence::NativeText)));
    m_prompt = saveCsvDialog(m_page, tr("Export CSV"));
}

void TableCsvExport::exportWithPrompt() {
    const std::optional<CsvTarget> target =
        m_prompt(u"%1-%2.csv"_s.arg(m_stem, QDate::currentDate().toString(Qt::ISODate)));
    if (!target)
        return;
    QString error;
    if (!exportTo(*target, &error))
        QMessageBox::warning(m_page, tr("Export CSV"), error);
}

bool TableCsvExport::exportTo(const CsvTarget& target, QString* error) {
    QSaveFile file(target.path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(target.path, file.errorString());
        return false;
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, 100, m_page);
    progress.setObjectName(u"exportProgress"_s);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(1000);
    const bool written =
        write(&file, m_view, target.options(), m_treeLevels, [&progress](int done, int total) {
            progress.setValue(total > 0 ? static_cast<int>(qint64(done) * 100 / total) : 100);
            progress.setLabelText(
                tr("Exporting… %1 of %2 rows").arg(QLocale().toString(done), QLocale().toString(total)));
            return !progress.wasCanceled();
        });
    progress.setValue(100);
    if (!written) {
        file.cancelWriting();
        *error = progress.wasCanceled() ? tr("The export was cancelled; no file was written.")
                                        : tr("Cannot write %1: %2").arg(target.path, file.errorString());
        return false;
    }
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(target.path, file.errorString());
        return false;
    }
    return true;
}

bool TableCsvExport::write(QIODevice* device, const QAbstractItemView* view, const core::CsvOptions& options,
                           const QStringList& treeLevels,
                           const std::function<bool(int done, int total)>& progress) {
    const QAbstractItemModel* model = view->model();
    const QHeaderView* header = headerOf(view);
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    const bool tree = !treeLevels.isEmpty();
    core::CsvWriter writer(device, options);
    QStringList cells;
    for (const int column : std::as_const(columns)) {
        if (tree && column == 0)
            cells << treeLevels;
        else
            cells << model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    }
    if (!writer.writeRow(cells))
        return false;
    // A lazily fetched model (the extensions) is read to its end: the export holds every row that
    // passes the filter, not only those scrolled to.
    auto* fetching = const_cast<QAbstractItemModel*>(model);
    const auto rowCount = [&](const QModelIndex& parent) {
        while (model->canFetchMore(parent)) {
            const int before = model->rowCount(parent);
            fetching->fetchMore(parent);
            if (model->rowCount(parent) == before)
                break;
        }
        return model->rowCount(parent);
    };
    const auto leafRow = [&](const QModelIndex& leaf) {
        QStringList row;
        for (const int column : std::as_const(columns)) {
            if (tree && column == 0) {
                row << levelCells(leaf, int(treeLevels.size()));
                continue;
            }
            QString text = leaf.siblingAtColumn(column).data(Qt::DisplayRole).toString();
            for (QModelIndex up = leaf.parent(); tree && text.isEmpty() && up.isValid(); up = up.parent())
                text = up.siblingAtColumn(column).data(Qt::DisplayRole).toString();
            row << text;
        }
        return row;
    };
    const std::function<bool(const QModelIndex&)> writeLeaves = [&](const QModelIndex& index) {
        const int children = tree ? rowCount(index) : 0;
        if (children == 0)
            return writer.writeRow(leafRow(index));
        for (int row = 0; row < children; ++row) {
            if (!isRowHidden(view, row, index) && !writeLeaves(model->index(row, 0, index)))
                return false;
        }
        return true;
    };
    for (int row = 0; row < rowCount({}); ++row) {
        if (!isRowHidden(view, row, {}) && !writeLeaves(model->index(row, 0)))
            return false;
        if (progress && (row + 1) % kProgressStep == 0 && !progress(row + 1, model->rowCount()))
            return false;
    }
    return !progress || progress(model->rowCount(), model->rowCount());
}

} // namespace trunkline::gui
