#pragma once

#include "gui/GuiForward.h"

#include <QString>

class QWidget;

namespace trunkline::store {
struct PendingChange;
}

namespace trunkline::gui {

// Stages a change a dialog made as one entry of the undo history, named `title`. When the stager refuses,
// a warning box with the same title says so: `refusal`, its %1 being the stager's reason. True when the
// change was staged.
bool stageOrWarn(QWidget* parent, store::Database& database, const store::PendingChange& change,
                 const QString& title, const QString& refusal);

} // namespace trunkline::gui
