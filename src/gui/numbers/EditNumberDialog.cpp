#include "gui/numbers/EditNumberDialog.h"

#include "core/PhoneNumber.h"
#include "gui/TextStyle.h"
#include "gui/extensions/FormMessages.h"
#include "providers/ProviderRegistry.h"
#include "ui_EditNumberDialog.h"

#include <QCompleter>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

using Attributes = core::RestcommAttributes;

QString titleText(const QLabel* title) {
    QString text = title->text();
    text.remove(u'&');
    if (text.endsWith(u':'))
        text.chop(1);
    return text;
}

void showMessage(QLabel* label, const QString& message) {
    form::showMessages(label, message.isEmpty() ? QStringList() : QStringList{message});
    label->setVisible(!message.isEmpty());
}

// Numbers routed by voice/SMS URLs (Restcomm): their label is a friendly name and the routing groups show.
bool routesByUrl(const QString& provider) {
    const providers::ProviderCapabilities* row = providers::findProvider(provider);
    return row && row->numberRoutingUrls;
}

} // namespace

EditNumberDialog::EditNumberDialog(const core::PhoneNumberRecord& current,
                                   const QList<core::Extension>& extensions,
                                   const QString& noExtensionsReason, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EditNumberDialog>())
    , m_current(current)
    , m_extensions(extensions) {
    m_ui->setupUi(this);
    setObjectName(u"editNumberDialog"_s);

    text::makeHeading(m_ui->headingLabel, text::kFormTitleScale);
    const core::ParseOutcome parsed = core::PhoneNumber::parse(current.e164);
    const QString shown = core::PhoneNumber::isE164(current.e164) && parsed.ok()
                              ? parsed.number->international()
                              : current.e164;
    m_ui->headingLabel->setText(tr("Edit %1").arg(shown));
    setWindowTitle(tr("Edit number %1").arg(shown));
    const providers::ProviderCapabilities* provider = providers::findProvider(current.provider);
    if (provider && provider->numberFieldsReadOnly && provider->numberFieldsReadOnlyNote) {
        // What sync::NumberPusher answers for such number updates: say it before the admin saves.
        form::makeBanner(m_ui->pendingBanner, form::Banner::Warning);
        form::showBanner(m_ui->pendingBanner,
                         QCoreApplication::translate("trunkline::gui::EditNumberDialog",
                                                     provider->numberFieldsReadOnlyNote));
    } else {
        form::makeBanner(m_ui->pendingBanner, form::Banner::Info);
        form::showBanner(m_ui->pendingBanner, tr("Saving stages the changes; they reach the provider when "
                                                 "pending changes are applied."));
    }

    const bool restcomm = routesByUrl(current.provider);
    m_ui->labelTitle->setText(restcomm ? tr("&Friendly name:") : tr("&Label:"));
    m_ui->labelEdit->setText(current.label);

    // Assignment: a searchable combo (type part of the number or name).
    m_ui->extensionCombo->addItem(tr("Not assigned (company number)"), QString());
    for (const core::Extension& extension : extensions) {
        const QString text = extension.name.isEmpty()
                                 ? extension.extensionNumber
                                 : tr("%1 – %2").arg(extension.extensionNumber, extension.name);
        m_ui->extensionCombo->addItem(text, extension.id);
    }
    m_ui->extensionCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->extensionCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->extensionCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    int currentIndex = m_ui->extensionCombo->findData(current.extensionId);
    if (currentIndex < 0 && !current.extensionId.isEmpty()) {
        // Assigned to an extension the store does not have (yet): keep it selectable as is.
        m_ui->extensionCombo->addItem(current.extensionNumber.isEmpty() ? current.extensionId
                                                                        : current.extensionNumber,
                                      current.extensionId);
        currentIndex = m_ui->extensionCombo->count() - 1;
    }
    m_ui->extensionCombo->setCurrentIndex(qMax(0, currentIndex));
    if (extensions.isEmpty()) {
        m_ui->extensionCombo->setEnabled(false);
        m_ui->extensionCombo->setToolTip(noExtensionsReason);
        m_ui->extensionTitle->setToolTip(noExtensionsReason);
    }

    const Attributes attributes = current.restcomm.value_or(Attributes{});
    m_fields = {
        {u"voiceUrl"_s, &Attributes::voiceUrl, m_ui->voiceUrlEdit, m_ui->voiceUrlMethodCombo,
         &Attributes::voiceMethod, m_ui->voiceUrlTitle, m_ui->voiceUrlMessage},
        {u"voiceFallbackUrl"_s, &Attributes::voiceFallbackUrl, m_ui->voiceFallbackUrlEdit,
         m_ui->voiceFallbackUrlMethodCombo, &Attributes::voiceFallbackMethod, m_ui->voiceFallbackUrlTitle,
         m_ui->voiceFallbackUrlMessage},
        {u"statusCallback"_s, &Attributes::statusCallback, m_ui->statusCallbackEdit,
         m_ui->statusCallbackMethodCombo, &Attributes::statusCallbackMethod, m_ui->statusCallbackTitle,
         m_ui->statusCallbackMessage},
        {u"voiceApplicationSid"_s, &Attributes::voiceApplicationSid, m_ui->voiceApplicationSidEdit, nullptr,
         nullptr, m_ui->voiceApplicationSidTitle, m_ui->voiceApplicationSidMessage},
        {u"smsUrl"_s, &Attributes::smsUrl, m_ui->smsUrlEdit, m_ui->smsUrlMethodCombo, &Attributes::smsMethod,
         m_ui->smsUrlTitle, m_ui->smsUrlMessage},
        {u"smsFallbackUrl"_s, &Attributes::smsFallbackUrl, m_ui->smsFallbackUrlEdit,
         m_ui->smsFallbackUrlMethodCombo, &Attributes::smsFallbackMethod, m_ui->smsFallbackUrlTitle,
         m_ui->smsFallbackUrlMessage},
        {u"smsApplicationSid"_s, &Attributes::smsApplicationSid, m_ui->smsApplicationSidEdit, nullptr,
         nullptr, m_ui->smsApplicationSidTitle, m_ui->smsApplicationSidMessage},
        {u"referUrl"_s, &Attributes::referUrl, m_ui->referUrlEdit, m_ui->referUrlMethodCombo,
         &Attributes::referMethod, m_ui->referUrlTitle, m_ui->referUrlMessage},
        {u"referApplicationSid"_s, &Attributes::referApplicationSid, m_ui->referApplicationSidEdit, nullptr,
         nullptr, m_ui->referApplicationSidTitle, m_ui->referApplicationSidMessage},
    };
    for (const RestcommField& field : m_fields) {
        field.edit->setObjectName(field.key + u"Edit"_s);
        field.edit->setText(attributes.*field.member);
        connect(field.edit, &QLineEdit::textChanged, this, &EditNumberDialog::validate);
        form::makeErrorLabel(field.message);
        if (field.method) {
            // Restcomm cannot clear a method: "not set" stays unset, GET/POST are what it accepts.
            field.method->addItem(tr("Default"), QString());
            field.method->addItem(u"POST"_s, u"POST"_s);
            field.method->addItem(u"GET"_s, u"GET"_s);
            const QString method = attributes.*field.methodMember;
            const int index = field.method->findData(method.toUpper());
            if (index < 0 && !method.isEmpty())
                field.method->addItem(method, method); // whatever Restcomm stored, unvalidated
            field.method->setCurrentIndex(index < 0 ? (method.isEmpty() ? 0 : field.method->count() - 1)
                                                    : index);
        }
    }
    // The application a sid stands for, as the last sync named it (only Restcomm's list names them).
    const QList<std::pair<QLineEdit*, QString>> applicationNames = {
        {m_ui->voiceApplicationSidEdit, attributes.voiceApplicationName},
        {m_ui->smsApplicationSidEdit, attributes.smsApplicationName},
        {m_ui->referApplicationSidEdit, attributes.referApplicationName}};
    for (const auto& [edit, name] : applicationNames) {
        if (!name.isEmpty())
            edit->setToolTip(tr("Application “%1”").arg(name) + u'\n' + edit->toolTip());
    }
    // Restcomm keeps the API version a number was created with (in its uri too); shown, never edited.
    m_ui->apiVersionLabel->setText(attributes.apiVersion);
    m_ui->apiVersionTitle->setVisible(restcomm && !attributes.apiVersion.isEmpty());
    m_ui->apiVersionLabel->setVisible(restcomm && !attributes.apiVersion.isEmpty());
    m_ui->callerIdLookupCheck->setChecked(attributes.voiceCallerIdLookup);
    m_ui->voiceGroup->setVisible(restcomm);
    m_ui->smsGroup->setVisible(restcomm);
    m_ui->referGroup->setVisible(restcomm);

    form::makeErrorLabel(m_ui->labelMessage);
    form::makeErrorLabel(m_ui->extensionMessage);
    connect(m_ui->labelEdit, &QLineEdit::textChanged, this, &EditNumberDialog::validate);
    connect(m_ui->extensionCombo, &QComboBox::editTextChanged, this, &EditNumberDialog::validate);
    connect(m_ui->extensionCombo, &QComboBox::currentIndexChanged, this, &EditNumberDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!restcomm)
        resize(width(), 340); // only the General group is shown: no room for the Restcomm groups
    validate();
}

EditNumberDialog::~EditNumberDialog() = default;

QString EditNumberDialog::urlProblem(const QString& fieldName, const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty() ||
        trimmed.contains(u' '))
        return tr("%1 must be an http or https URL.").arg(fieldName);
    return {};
}

QString EditNumberDialog::sidProblem(const QString& fieldName, const QString& text) {
    static const QRegularExpression sid(u"^[A-Za-z0-9]{34}$"_s);
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || sid.match(trimmed).hasMatch())
        return {};
    return tr("%1 must be 34 letters and digits (a Restcomm SID such as AP…).").arg(fieldName);
}

QString EditNumberDialog::selectedExtensionId(bool* known) const {
    const QComboBox* combo = m_ui->extensionCombo;
    // The typed text decides: it must name one of the items.
    const int index = combo->findText(combo->currentText(), Qt::MatchFixedString);
    *known = index >= 0;
    return index >= 0 ? combo->itemData(index).toString() : QString();
}

QStringList EditNumberDialog::problems() const {
    QStringList all;
    const bool restcomm = routesByUrl(m_current.provider);
    if (restcomm && m_ui->labelEdit->text().trimmed().size() > kFriendlyNameMaxLength)
        all << tr("Friendly name must be at most %1 characters.").arg(kFriendlyNameMaxLength);
    bool known = false;
    selectedExtensionId(&known);
    if (!known)
        all << tr("Assigned to must be one of the profile's extensions or \"Not assigned\".");
    if (restcomm) {
        for (const RestcommField& field : m_fields) {
            const QString problem = field.method ? urlProblem(titleText(field.title), field.edit->text())
                                                 : sidProblem(titleText(field.title), field.edit->text());
            if (!problem.isEmpty())
                all << problem;
        }
    }
    return all;
}

void EditNumberDialog::validate() {
    const bool restcomm = routesByUrl(m_current.provider);
    showMessage(m_ui->labelMessage,
                restcomm && m_ui->labelEdit->text().trimmed().size() > kFriendlyNameMaxLength
                    ? tr("Friendly name must be at most %1 characters.").arg(kFriendlyNameMaxLength)
                    : QString());
    bool known = false;
    selectedExtensionId(&known);
    showMessage(m_ui->extensionMessage,
                known ? QString()
                      : tr("Assigned to must be one of the profile's extensions or \"Not assigned\"."));
    for (const RestcommField& field : m_fields) {
        showMessage(field.message, field.method ? urlProblem(titleText(field.title), field.edit->text())
                                                : sidProblem(titleText(field.title), field.edit->text()));
    }
    const QStringList broken = problems();
    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(broken.isEmpty());
    ok->setToolTip(broken.join(u'\n'));
}

core::PhoneNumberRecord EditNumberDialog::editedRecord() const {
    core::PhoneNumberRecord edited = m_current;
    edited.label = m_ui->labelEdit->text().trimmed();
    bool known = false;
    const QString extensionId = selectedExtensionId(&known);
    if (known && extensionId != m_current.extensionId) {
        edited.extensionId = extensionId;
        edited.extensionNumber.clear();
        for (const core::Extension& extension : m_extensions) {
            if (extension.id == extensionId)
                edited.extensionNumber = extension.extensionNumber;
        }
    }
    if (!routesByUrl(m_current.provider))
        return edited;
    Attributes attributes = m_current.restcomm.value_or(Attributes{});
    for (const RestcommField& field : m_fields) {
        attributes.*field.member = field.edit->text().trimmed();
        if (field.method)
            attributes.*field.methodMember = field.method->currentData().toString();
    }
    attributes.voiceCallerIdLookup = m_ui->callerIdLookupCheck->isChecked();
    edited.restcomm = attributes;
    return edited;
}

} // namespace trunkline::gui
