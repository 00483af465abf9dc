#include "gui/HistoryDialog.h"

#include "ui_HistoryDialog.h"

#include <QEvent>
#include <QSettings>
#include <QUndoView>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const auto kGeometryKey = "HistoryDialog/geometry"_L1;
}

HistoryDialog::HistoryDialog(QUndoStack& stack, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HistoryDialog>()) {
    m_ui->setupUi(this);
    setObjectName(u"historyDialog"_s);
    m_ui->historyView->setStack(&stack);
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
