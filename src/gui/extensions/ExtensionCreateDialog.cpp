#include "gui/extensions/ExtensionCreateDialog.h"

#include "core/ExtensionValidator.h"
#include "core/PhoneNumberRecord.h"
#include "gui/TextStyle.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/FormMessages.h"
#include "providers/ProviderRegistry.h"
#include "store/ExtensionRepository.h"
#include "store/ProfileRepository.h"
#include "ui_ExtensionCreateDialog.h"

#include <QPushButton>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

using core::ExtensionValidator;

ExtensionCreateDialog::ExtensionCreateDialog(store::Database& database,
                                             std::optional<qint64> preferredProfile, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExtensionCreateDialog>())
    , m_database(database) {
    m_ui->setupUi(this);
    setObjectName(u"extensionCreateDialog"_s);
    text::makeSecondary({m_ui->introLabel});
    for (QLabel* label : {m_ui->profileError, m_ui->extensionNumberError, m_ui->nameError,
                          m_ui->firstNameError, m_ui->lastNameError, m_ui->emailError})
        form::makeErrorLabel(label);
    for (const core::ExtensionType type : creatableTypes())
        m_ui->typeCombo->addItem(core::displayName(type), core::toWire(type));
    fillProfiles(preferredProfile);

    for (QLineEdit* edit :
         {m_ui->extensionNumberEdit, m_ui->firstNameEdit, m_ui->lastNameEdit, m_ui->emailEdit})
        connect(edit, &QLineEdit::textChanged, this, &ExtensionCreateDialog::updateMessages);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this,
            &ExtensionCreateDialog::updateMessages);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Stage extension"));
    updateMessages();
}

ExtensionCreateDialog::~ExtensionCreateDialog() = default;

QList<core::ExtensionType> ExtensionCreateDialog::creatableTypes() {
    using T = core::ExtensionType;
    return {T::User,       T::VirtualUser,  T::DigitalUser, T::FlexibleUser,
            T::Department, T::Announcement, T::Voicemail,   T::SharedLinesGroup,
            T::PagingOnly, T::ParkLocation, T::Limited};
}

void ExtensionCreateDialog::fillProfiles(std::optional<qint64> preferredProfile) {
    const ExtensionPermissions permissions(m_database);
    auto* items = qobject_cast<QStandardItemModel*>(m_ui->profileCombo->model());
    int preferredIndex = -1;
    int firstUsable = -1;
    for (const store::Profile& profile : store::ProfileRepository(m_database).list()) {
        if (!providers::hasExtensions(profile.provider))
            continue;
        const ExtensionPermissions::Verdict verdict = permissions.canCreate(profile.id);
        m_ui->profileCombo->addItem(profile.name, profile.id);
        const int index = m_ui->profileCombo->count() - 1;
        if (!verdict.allowed && items) {
            items->item(index)->setEnabled(false);
            items->item(index)->setToolTip(verdict.whyNot);
        }
        if (verdict.allowed && firstUsable < 0)
            firstUsable = index;
        if (verdict.allowed && preferredProfile == profile.id)
            preferredIndex = index;
    }
    m_ui->profileCombo->setCurrentIndex(preferredIndex >= 0 ? preferredIndex : firstUsable);
}

bool ExtensionCreateDialog::hasUsableProfile() const {
    return m_ui->profileCombo->currentIndex() >= 0;
}

qint64 ExtensionCreateDialog::profileId() const {
    return m_ui->profileCombo->currentData().toLongLong();
}

core::Extension ExtensionCreateDialog::extension() const {
    core::Extension x;
    x.type = core::fromWire<core::ExtensionType>(m_ui->typeCombo->currentData().toString())
                 .value_or(core::ExtensionType::User);
    x.status = core::ExtensionStatus::NotActivated; // RingCentral activates it through the welcome e-mail
    x.extensionNumber = m_ui->extensionNumberEdit->text().trimmed();
    x.contact.firstName = m_ui->firstNameEdit->text().trimmed();
    x.contact.lastName = m_ui->lastNameEdit->text().trimmed();
    x.contact.email = m_ui->emailEdit->text().trimmed();
    // RingCentral builds the name from the first and last name (the create body carries none), so the
    // read-only name field shows that name: what is reviewed is what the provider will hold.
    x.name = core::derivedName(x.contact);
    return x;
}

core::RuleViolations ExtensionCreateDialog::violations() const {
    core::RuleViolations result;
    if (!hasUsableProfile()) {
        result << core::RuleViolation{u"/profile"_s,
                                      tr("Profile: no RingCentral profile whose signed-in user "
                                         "may create extensions.")};
    }
    const core::Extension x = extension();
    ExtensionValidator::Context context;
    context.creating = true;
    if (hasUsableProfile() && !x.extensionNumber.isEmpty()) {
        store::ExtensionFilter filter;
        filter.text = x.extensionNumber;
        for (const core::Extension& other :
             store::ExtensionRepository(m_database).list(profileId(), filter, nullptr, store::Page{0, 50})) {
            if (other.extensionNumber == x.extensionNumber)
                context.numbersInUse.insert(x.extensionNumber, other.name);
        }
    }
    result << ExtensionValidator::validate(x, context);
    return result;
}

void ExtensionCreateDialog::updateMessages() {
    m_ui->nameEdit->setText(extension().name);
    QHash<QString, QStringList> byField;
    const core::RuleViolations all = violations();
    for (const core::RuleViolation& violation : all)
        byField[violation.field] << violation.message;
    // The name follows the first and last name, so a missing first name shows at the name too.
    const QHash<QString, QLabel*> labels = {{u"/profile"_s, m_ui->profileError},
                                            {u"/extensionNumber"_s, m_ui->extensionNumberError},
                                            {u"/name"_s, m_ui->nameError},
                                            {u"/contact/firstName"_s, m_ui->firstNameError},
                                            {u"/contact/lastName"_s, m_ui->lastNameError},
                                            {u"/contact/email"_s, m_ui->emailError}};
    for (auto it = labels.begin(); it != labels.end(); ++it)
        form::showMessages(it.value(), byField.value(it.key()));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(all.isEmpty());
}

} // namespace trunkline::gui
