#pragma once

#include "core/Extension.h"
#include "core/PhoneNumberRecord.h"
#include "gui/GuiForward.h"

#include <QDialog>
#include <QList>
#include <memory>

class QComboBox;
class QLineEdit;

namespace Ui {
class EditNumberDialog;
}

namespace trunkline::gui {

// Edits one number: its label (Restcomm: friendly name), the extension it is assigned to, and for
// Restcomm numbers the routing properties (voice/SMS/refer URLs and methods, fallbacks, status callback,
// application SIDs, caller-ID lookup). Every field is checked as the admin types, with the message beside
// it; OK stays disabled while a rule is broken. The dialog only edits a record: the caller stages it.
class EditNumberDialog : public QDialog {
    Q_OBJECT

public:
    // `current` is the number as the console shows it (staged edits applied); `extensions` are those the
    // number may be assigned to (empty: assignment is not offered, `noExtensionsReason` says why).
    EditNumberDialog(const core::PhoneNumberRecord& current, const QList<core::Extension>& extensions,
                     const QString& noExtensionsReason = {}, QWidget* parent = nullptr);
    ~EditNumberDialog() override;

    // The record with the admin's edits.
    core::PhoneNumberRecord editedRecord() const;
    // Every broken rule, in field order; empty when OK may be pressed.
    QStringList problems() const;

    static constexpr int kFriendlyNameMaxLength = 64; // Restcomm's friendly_name column

    // "" when `text` is empty or an http/https URL with a host; else the message naming the field.
    static QString urlProblem(const QString& fieldName, const QString& text);
    // "" when `text` is empty or a Restcomm SID (34 letters and digits); else the message.
    static QString sidProblem(const QString& fieldName, const QString& text);

private:
    struct RestcommField {
        QString key; // NumberChangePayloads key
        QString core::RestcommAttributes::*member;
        QLineEdit* edit;
        QComboBox* method; // nullptr for application SIDs
        QString core::RestcommAttributes::*methodMember;
        QLabel* title;
        QLabel* message;
    };

    void validate();
    QString selectedExtensionId(bool* known) const;

    std::unique_ptr<Ui::EditNumberDialog> m_ui;
    core::PhoneNumberRecord m_current;
    QList<core::Extension> m_extensions;
    QList<RestcommField> m_fields;
};

} // namespace trunkline::gui
