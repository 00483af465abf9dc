#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace trunkline::gui {

class PortOrderSession;
class RouteNumberPage;

// The top of the wizard's order step: the draft order the provider made with the route number only (its
// id and status, or why it was not made, with "Try again"), and the LOA template of that order to
// download for the end user to sign. Ready once the draft exists, or at once when nothing is sent
// (no connection: the wizard only checks).
class DraftOrderPanel : public QWidget {
    Q_OBJECT

public:
    DraftOrderPanel(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent = nullptr);

    bool ready() const;
    // Where the template is saved; the default asks with a file dialog, tests answer without one.
    using SavePrompt = std::function<QString(const QString& suggestedName)>;
    void setSavePrompt(SavePrompt prompt) { m_savePrompt = std::move(prompt); }

signals:
    void readyChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void update();
    void downloadLoaTemplate();

    PortOrderSession& m_session;
    const RouteNumberPage& m_route;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_loaTemplate = nullptr;
    QLabel* m_loaResult = nullptr;
    SavePrompt m_savePrompt;
    bool m_ready = false;
    bool m_downloading = false; // one template download at a time
};

} // namespace trunkline::gui
