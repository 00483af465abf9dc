#pragma once

#include "core/Account.h"
#include "gui/GuiForward.h"

#include <QLabel>
#include <optional>

namespace trunkline::gui {

class AccountDetailsPanel;

// One line about the account the console shows: main number, brand, service plan, billing, status and
// operator extension; for "all profiles" how many accounts are stored. Re-read after every sync. A click
// (or Enter while it has the focus) opens AccountDetailsPanel with the plans, the features and the
// business address; its tooltip shows the same.
class AccountOverview : public QLabel {
    Q_OBJECT

public:
    explicit AccountOverview(store::Database& database, QWidget* parent = nullptr);

    // The line for one account; parts the provider does not report are left out.
    static QString describe(const core::Account& account);

    // The details panel, opened under the line; nullptr until it was first opened.
    AccountDetailsPanel* detailsPanel() const { return m_panel; }

public slots:
    void showProfile(std::optional<qint64> profileId);
    void reload() { showProfile(m_profileId); }
    // Opens the details panel; nothing when no single account is shown.
    void showDetails();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    store::Database& m_database;
    std::optional<qint64> m_profileId;
    std::optional<core::Account> m_account;
    AccountDetailsPanel* m_panel = nullptr;
};

} // namespace trunkline::gui
