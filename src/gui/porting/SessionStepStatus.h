#pragma once

#include "gui/GuiForward.h"
#include "gui/porting/PortOrderSession.h"

#include <QString>

class QHBoxLayout;
class QVBoxLayout;
class QWidget;

namespace trunkline::gui {

// What a step of the session that asks the provider says in each of its states (translated by the page
// that shows it).
struct StepTexts {
    QString offline; // no connection: nothing is sent
    QString busy;    // the step is under way
    QString done;    // the step has its result
    QString failed;  // its last attempt failed; the provider's error follows on a line of its own
};

// A wizard step that asks the provider for something (the draft order, the route number's lookup), shown
// as a banner that informs while all is well and warns when the step failed, with a "Try again" button
// then. The page connects the button and sets its text.
class SessionStepStatus {
public:
    // The banner and the button as children of `parent`, with object names for tests.
    SessionStepStatus(QWidget* parent, const QString& bannerName, const QString& retryName);

    QLabel* banner() const { return m_banner; }
    QPushButton* retryButton() const { return m_retry; }
    // Adds the banner to `layout` and below it a row that starts with the button; returns the row, for
    // the page's own buttons.
    QHBoxLayout* addTo(QVBoxLayout* layout) const;

    // Shows where `step` of `session` is; `done` when it has its result (it did not fail then).
    void show(const PortOrderSession& session, PortOrderSession::Step step, bool done,
              const StepTexts& texts);

private:
    QLabel* m_banner;
    QPushButton* m_retry;
};

} // namespace trunkline::gui
