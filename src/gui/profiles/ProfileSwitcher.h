#pragma once

#include "gui/GuiForward.h"

#include <QComboBox>
#include <optional>

namespace trunkline::gui {

// Chooses what the console shows: every profile, or one provider account. The choice is remembered
// (QSettings) and survives profiles being added or removed.
class ProfileSwitcher : public QComboBox {
    Q_OBJECT

public:
    explicit ProfileSwitcher(store::Database& database, QWidget* parent = nullptr);

    // nullopt = all profiles.
    std::optional<qint64> currentProfileId() const;
    void setCurrentProfileId(std::optional<qint64> profileId);

public slots:
    // Re-reads the profiles (after one was added, removed or synced).
    void reload();

signals:
    void profileChanged(std::optional<qint64> profileId);

private:
    store::Database& m_database;
};

} // namespace trunkline::gui
