#pragma once

#include "gui/GuiForward.h"
#include "gui/Retranslate.h"
#include "gui/porting/SessionStepStatus.h"

#include <QWidget>
#include <functional>

namespace trunkline::gui {

class RouteNumberPage;

// The top of the wizard's order step: the draft order the provider made with the route number only (its
// id and status, or why it was not made, with "Try again"), and the LOA template of that order to
// download for the end user to sign. Ready once the draft exists, or at once when nothing is sent
// (no connection: the wizard only checks).
class DraftOrderPanel : public Retranslating<QWidget> {
    Q_OBJECT

public:
    DraftOrderPanel(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent = nullptr);

    bool ready() const;
    // Where the template is saved; the default asks with a file dialog, tests answer without one.
    using SavePrompt = std::function<QString(const QString& suggestedName)>;
    void setSavePrompt(SavePrompt prompt) { m_savePrompt = std::move(prompt); }

signals:
    void readyChanged();

private:
    void retranslate() override;
    void update();
    void downloadLoaTemplate();

    PortOrderSession& m_session;
    const RouteNumberPage& m_route;
    SessionStepStatus m_status;
    QPushButton* m_loaTemplate = nullptr;
    QLabel* m_loaResult = nullptr;
    SavePrompt m_savePrompt;
    bool m_ready = false;
    bool m_downloading = false; // one template download at a time
};

} // namespace trunkline::gui
