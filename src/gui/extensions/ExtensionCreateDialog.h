#pragma once

#include "core/Extension.h"
#include "core/RuleViolation.h"
#include "gui/GuiForward.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class ExtensionCreateDialog;
}

namespace trunkline::gui {

// Asks for what RingCentral needs to create an extension (ui/ExtensionCreateDialog.ui): the profile,
// a type among those the provider creates, the number, name and contact (first name and e-mail are
// required). Every field is checked as the admin types; OK stays disabled until all rules hold.
// Profiles whose signed-in user may not create extensions are listed disabled with the reason.
class ExtensionCreateDialog : public QDialog {
    Q_OBJECT

public:
    ExtensionCreateDialog(store::Database& database, std::optional<qint64> preferredProfile,
                          QWidget* parent = nullptr);
    ~ExtensionCreateDialog() override;

    // RingCentral's ExtensionCreationRequest type values (docs/api/ringcentral.md §3.1).
    static QList<core::ExtensionType> creatableTypes();

    qint64 profileId() const;
    core::Extension extension() const;
    core::RuleViolations violations() const;
    // Whether any listed profile allows creating (false: every profile is Telnyx/Restcomm or non-admin).
    bool hasUsableProfile() const;

private:
    void fillProfiles(std::optional<qint64> preferredProfile);
    void updateMessages();

    std::unique_ptr<Ui::ExtensionCreateDialog> m_ui;
    store::Database& m_database;
};

} // namespace trunkline::gui
