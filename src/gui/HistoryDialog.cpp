#include "gui/HistoryDialog.h"

#include "ui_HistoryDialog.h"

#include <QEvent>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QUndoStack>
#include <QUndoView>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

const auto kGeometryKey = "HistoryDialog/geometry"_L1;

// The entries after the current one are undone: shown greyed and in italics, as what Redo brings back.
class UndoneEntriesDelegate : public QStyledItemDelegate {
public:
    UndoneEntriesDelegate(const QUndoStack& stack, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_stack(stack) {}

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        // Row 0 is the state as opened; row n is the n-th entry, done while n <= index().
        if (index.row() > m_stack.index()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }

private:
    const QUndoStack& m_stack;
};

} // namespace

HistoryDialog::HistoryDialog(QUndoStack& stack, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HistoryDialog>()) {
    m_ui->setupUi(this);
    setObjectName(u"historyDialog"_s);
    m_ui->historyView->setStack(&stack);
    m_ui->historyView->setItemDelegate(new UndoneEntriesDelegate(stack, m_ui->historyView));
    retranslate();
    restoreGeometry(QSettings().value(kGeometryKey).toByteArray());
}

HistoryDialog::~HistoryDialog() = default;

QUndoView* HistoryDialog::view() const {
    return m_ui->historyView;
}

void HistoryDialog::retranslate() {
    // The row before every entry: the pending changes as they were when the database was opened.
    m_ui->historyView->setEmptyLabel(tr("As opened"));
}

void HistoryDialog::hideEvent(QHideEvent* event) {
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::hideEvent(event);
}

void HistoryDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace trunkline::gui
