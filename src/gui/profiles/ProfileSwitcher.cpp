#include "gui/profiles/ProfileSwitcher.h"

#include "core/PhoneNumberRecord.h"
#include "providers/ProviderRegistry.h"
#include "store/ProfileRepository.h"

#include <QSettings>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const auto kProfileKey = "ProfileSwitcher/profile"_L1;

} // namespace

ProfileSwitcher::ProfileSwitcher(store::Database& database, QWidget* parent)
    : QComboBox(parent)
    , m_database(database) {
    setObjectName(u"profileSwitcher"_s);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(tr("Which provider account the console shows"));
    reload();
    const QVariant saved = QSettings().value(kProfileKey);
    if (saved.isValid())
        setCurrentProfileId(saved.toLongLong());
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        const std::optional<qint64> id = currentProfileId();
        QSettings settings;
        if (id)
            settings.setValue(kProfileKey, *id);
        else
            settings.remove(kProfileKey);
        emit profileChanged(id);
    });
}

std::optional<qint64> ProfileSwitcher::currentProfileId() const {
    const QVariant id = currentData();
    return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
}

void ProfileSwitcher::setCurrentProfileId(std::optional<qint64> profileId) {
    const int index = profileId ? findData(*profileId) : 0;
    setCurrentIndex(std::max(0, index));
}

void ProfileSwitcher::reload() {
    const std::optional<qint64> current = currentProfileId();
    {
        // Rebuilding the list is not a choice of the admin: no profileChanged for it.
        const QSignalBlocker blocker(this);
        clear();
        addItem(tr("All profiles"));
        for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
            addItem(profile.name, profile.id);
            setItemData(count() - 1, providers::providerDisplayName(profile.provider), Qt::ToolTipRole);
        }
        setCurrentProfileId(current);
    }
    if (currentProfileId() != current)
        emit profileChanged(currentProfileId());
}

} // namespace trunkline::gui
