#pragma once

#include "gui/GuiForward.h"

#include <QLabel>
#include <optional>

namespace trunkline::gui {

// One line about the account the console shows: main number, brand, service plan, status and
// operator extension; for "all profiles" how many accounts are stored. Re-read after every sync.
class AccountOverview : public QLabel {
    Q_OBJECT

public:
    explicit AccountOverview(store::Database& database, QWidget* parent = nullptr);

    // The line for one account; parts the provider does not report are left out.
    static QString describe(const core::Account& account);

public slots:
    void showProfile(std::optional<qint64> profileId);
    void reload() { showProfile(m_profileId); }

private:
    store::Database& m_database;
    std::optional<qint64> m_profileId;
};

} // namespace trunkline::gui
