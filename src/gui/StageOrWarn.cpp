#include "gui/StageOrWarn.h"

#include "changes/StagingHistory.h"

#include <QMessageBox>

namespace trunkline::gui {

bool stageOrWarn(QWidget* parent, store::Database& database, const store::PendingChange& change,
                 const QString& title, const QString& refusal) {
    const changes::StagingResult staged = changes::StagingHistory::of(database).stage(change, title);
    if (!staged.ok())
        QMessageBox::warning(parent, title, refusal.arg(staged.error));
    return staged.ok();
}

} // namespace trunkline::gui
