#include "gui/extensions/ExtensionCallSettingsWidget.h"

#include "changes/ChangeStager.h"
#include "changes/SettingsPayloads.h"
#include "changes/StagingHistory.h"
#include "core/PhoneNumber.h"
#include "core/ReadableNumber.h"
#include "gui/extensions/CallRuleText.h"
#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/PhoneNumberRepository.h"
#include "store/Transaction.h"
#include "ui_ExtensionCallSettingsWidget.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

using changes::SettingsPayloads;
using store::ExtensionSettingsRepository;

const QString kForwardCalls = u"ForwardCalls"_s;
const QString kUnconditional = u"UnconditionalForwarding"_s;
const QString kTransfer = u"TransferToExtension"_s;
const QString kVoicemailOnly = u"TakeMessagesOnly"_s;
const QString kAnnouncementOnly = u"PlayAnnouncementOnly"_s;

const QString kForwardToPath = u"unconditionalForwarding.phoneNumber"_s;
const QString kTransferPath = u"transfer.extension.id"_s;

// Extension types that usually take transferred calls; others are listed when a rule already names them.
const QList<core::ExtensionType> kTransferTargets = {
    core::ExtensionType::IvrMenu, core::ExtensionType::ApplicationExtension, core::ExtensionType::Department,
    core::ExtensionType::Voicemail, core::ExtensionType::Announcement};

// Enough to catch typing mistakes; the provider has the last word.
bool looksLikeEmail(const QString& text) {
    static const QRegularExpression pattern(u"^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]+$"_s);
    return pattern.match(text).hasMatch();
}

QString defaultRegion() {
    const QString code = QLocale::territoryToCode(QLocale::system().territory());
    return code.size() == 2 ? code : u"DE"_s; // UNCONFIRMED: no account country is stored; Germany first
}

bool boolAt(const QJsonObject& document, const QString& path) {
    return SettingsPayloads::valueAt(document, path).toBool();
}

QVariant valueOf(const QWidget* input) {
    if (const auto* combo = qobject_cast<const QComboBox*>(input))
        return combo->currentData();
    if (const auto* edit = qobject_cast<const QLineEdit*>(input))
        return edit->text();
    return qobject_cast<const QCheckBox*>(input)->isChecked();
}

void setValueOf(QWidget* input, const QVariant& value) {
    if (auto* combo = qobject_cast<QComboBox*>(input)) {
        // A choice the reloaded list no longer offers (an extension gone) leaves the store's one.
        if (const int index = combo->findData(value); index >= 0)
            combo->setCurrentIndex(index);
    } else if (auto* edit = qobject_cast<QLineEdit*>(input)) {
        edit->setText(value.toString());
    } else {
        qobject_cast<QCheckBox*>(input)->setChecked(value.toBool());
    }
}

// (Re)fills an answering rule's action combo: first `placeholder` (no data) when there is no rule to edit,
// then the `actions` (text, wire value), and the rule's `action` when the provider set one the list lacks
// (`unknown`, %1 its wire value); `action` is chosen.
void fillActions(QComboBox* combo, const QString& placeholder,
                 const QList<std::pair<QString, QString>>& actions, const QString& action,
                 const QString& unknown) {
    combo->clear();
    if (!placeholder.isEmpty())
        combo->addItem(placeholder, QString());
    for (const auto& [text, value] : actions)
        combo->addItem(text, value);
    if (!action.isEmpty() && combo->findData(action) < 0)
        combo->addItem(unknown.arg(action), action);
    combo->setCurrentIndex(std::max(0, combo->findData(action)));
}

// Shows the fields an answering rule's action needs (the number every call is forwarded to, or the
// extension it is transferred to) and the hint that says what the action does, from `hints` by action.
void showActionFields(const QComboBox* actionCombo, std::initializer_list<QWidget*> forwardFields,
                      std::initializer_list<QWidget*> transferFields, QLabel* hint,
                      const QHash<QString, QString>& hints) {
    const QString action = actionCombo->currentData().toString();
    for (QWidget* field : forwardFields)
        field->setVisible(action == kUnconditional);
    for (QWidget* field : transferFields)
        field->setVisible(action == kTransfer);
    hint->setText(hints.value(action));
    hint->setVisible(!hint->text().isEmpty());
}

// "108 Sales queue (IVR menu)", as the transfer targets and the rules name an extension.
QString extensionText(const core::Extension& extension) {
    return ExtensionCallSettingsWidget::tr("%1 %2 (%3)")
        .arg(extension.extensionNumber, extension.name, core::displayName(extension.type));
}

} // namespace

ExtensionCallSettingsWidget::ExtensionCallSettingsWidget(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExtensionCallSettingsWidget>())
    , m_database(database) {
    m_ui->setupUi(this);
    for (QComboBox* combo : {m_ui->actionCombo, m_ui->transferCombo, m_ui->callerIdCombo,
                             m_ui->afterHoursActionCombo, m_ui->afterHoursApplicationCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &ExtensionCallSettingsWidget::userEdited);
    for (QLineEdit* edit : {m_ui->forwardToEdit, m_ui->emailEdit, m_ui->afterHoursForwardToEdit})
        connect(edit, &QLineEdit::textChanged, this, &ExtensionCallSettingsWidget::userEdited);
    for (QCheckBox* check :
         {m_ui->voicemailEnabledCheck, m_ui->voicemailEmailCheck, m_ui->voicemailAttachmentCheck,
          m_ui->voicemailMarkReadCheck, m_ui->missedEmailCheck, m_ui->missedSmsCheck, m_ui->textsEmailCheck,
          m_ui->textsSmsCheck})
        connect(check, &QCheckBox::toggled, this, &ExtensionCallSettingsWidget::userEdited);
    for (QTreeWidget* view : {m_ui->customRulesView, m_ui->greetingsView}) {
        view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->header()->setStretchLastSection(true);
    }
    load();
}

ExtensionCallSettingsWidget::~ExtensionCallSettingsWidget() = default;

void ExtensionCallSettingsWidget::setExtension(qint64 profileId, const QString& extensionId, bool editable,
                                               const QString& whyNot) {
    m_profileId = profileId;
    m_extensionId = extensionId;
    m_editable = editable;
    m_whyNot = whyNot;
    load();
}

void ExtensionCallSettingsWidget::reload() {
    load();
}

void ExtensionCallSettingsWidget::load() {
    m_stored.clear();
    m_baseline.clear();
    m_staged.clear();
    if (!m_extensionId.isEmpty()) {
        ExtensionSettingsRepository repository(m_database);
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            if (const std::optional<QJsonObject> stored = repository.get(m_profileId, m_extensionId, kind)) {
                m_stored.insert(kind, *stored);
                m_baseline.insert(kind, *stored);
            }
        }
        // Edits staged earlier and not applied yet: the form continues from them, so that staging again
        // does not silently put the stored values back.
        const changes::ChangeStager& stager = changes::ChangeStager::of(m_database);
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            if (!m_stored.contains(kind))
                continue;
            for (const store::PendingChange& change :
                 stager.openChanges(m_profileId, SettingsPayloads::kEntity,
                                    SettingsPayloads::entityKey(m_extensionId, kind))) {
                m_staged.insert(kind, changes::ShownStagedChange::of(change));
                m_baseline.insert(
                    kind, SettingsPayloads::withSettings(m_baseline.value(kind),
                                                         change.payload.value(u"settings"_s).toObject()));
            }
        }
    }
    showBaseline();
}

void ExtensionCallSettingsWidget::showBaseline() {
    m_loading = true;
    const QJsonObject rule = m_baseline.value(ExtensionSettingsRepository::kBusinessHours);
    const QJsonObject notifications = m_baseline.value(ExtensionSettingsRepository::kNotifications);
    const bool haveRule = m_stored.contains(ExtensionSettingsRepository::kBusinessHours);
    const bool haveNotifications = m_stored.contains(ExtensionSettingsRepository::kNotifications);
    fillActionCombo(rule.value(u"callHandlingAction"_s).toString());
    const QString forwardTo = SettingsPayloads::valueAt(rule, kForwardToPath).toString();
    m_loadedForwardTo = forwardTo.isEmpty() ? QString() : core::readableNumber(forwardTo);
    m_ui->forwardToEdit->setText(m_loadedForwardTo);
    fillTransferCombo(m_ui->transferCombo, SettingsPayloads::valueAt(rule, kTransferPath).toString());
    const QJsonObject afterHours = m_baseline.value(ExtensionSettingsRepository::kAfterHours);
    fillAfterHoursActionCombo(afterHours.value(u"callHandlingAction"_s).toString());
    const QString afterHoursForwardTo = SettingsPayloads::valueAt(afterHours, kForwardToPath).toString();
    m_loadedAfterHoursForwardTo =
        afterHoursForwardTo.isEmpty() ? QString() : core::readableNumber(afterHoursForwardTo);
    m_ui->afterHoursForwardToEdit->setText(m_loadedAfterHoursForwardTo);
    fillTransferCombo(m_ui->afterHoursApplicationCombo,
                      SettingsPayloads::valueAt(afterHours, kTransferPath).toString());
    // Not fetched: nothing ticked, no sample addresses, so that no default passes for a real value.
    m_ui->voicemailEnabledCheck->setChecked(
        SettingsPayloads::valueAt(rule, u"voicemail.enabled"_s).toBool(haveRule));
    m_ui->emailEdit->setPlaceholderText(haveNotifications ? tr("anna@example.com, office@example.com")
                                                          : tr("Not fetched yet"));
    m_ui->voicemailEmailCheck->setChecked(boolAt(notifications, u"voicemails.notifyByEmail"_s));
    m_ui->voicemailAttachmentCheck->setChecked(boolAt(notifications, u"voicemails.includeAttachment"_s));
    m_ui->voicemailMarkReadCheck->setChecked(boolAt(notifications, u"voicemails.markAsRead"_s));
    QStringList emails;
    for (const QJsonValue& value : notifications.value(u"emailAddresses"_s).toArray())
        emails << value.toString();
    m_ui->emailEdit->setText(emails.join(u", "_s));
    m_ui->missedEmailCheck->setChecked(boolAt(notifications, u"missedCalls.notifyByEmail"_s));
    m_ui->missedSmsCheck->setChecked(boolAt(notifications, u"missedCalls.notifyBySms"_s));
    m_ui->textsEmailCheck->setChecked(boolAt(notifications, u"inboundTexts.notifyByEmail"_s));
    m_ui->textsSmsCheck->setChecked(boolAt(notifications, u"inboundTexts.notifyBySms"_s));
    fillCallerIdCombo(m_baseline.value(ExtensionSettingsRepository::kCallerId));
    showRules();
    m_loading = false;

    updateActionFields();
    updateState();
    validate();
}

void ExtensionCallSettingsWidget::fillActionCombo(const QString& action) {
    fillActions(m_ui->actionCombo,
                m_stored.contains(ExtensionSettingsRepository::kBusinessHours) ? QString()
                                                                               : tr("Not fetched yet"),
                {{tr("Ring the forwarding list (forward calls)"), kForwardCalls},
                 {tr("Forward every call to a phone number"), kUnconditional},
                 {tr("Transfer to another extension (IVR menu, application)"), kTransfer},
                 {tr("Voicemail only (take messages)"), kVoicemailOnly}},
                action, tr("%1 (as set at the provider)"));
}

void ExtensionCallSettingsWidget::fillAfterHoursActionCombo(const QString& action) {
    fillActions(m_ui->afterHoursActionCombo,
                haveAfterHoursRule()                                          ? QString()
                : m_stored.contains(ExtensionSettingsRepository::kAfterHours) ? tr("No after-hours rule")
                                                                              : tr("Not fetched yet"),
                {{tr("Voicemail only (take messages)"), kVoicemailOnly},
                 {tr("Go to application (IVR menu, call queue, application extension)"), kTransfer},
                 {tr("Forward every call to a phone number"), kUnconditional},
                 {tr("Ring the forwarding list (forward calls)"), kForwardCalls},
                 {tr("Play an announcement only"), kAnnouncementOnly}},
                action, tr("%1 (as set at the provider)"));
}

bool ExtensionCallSettingsWidget::haveAfterHoursRule() const {
    // Stored empty when the provider has none (business hours 24/7).
    return !m_stored.value(ExtensionSettingsRepository::kAfterHours).isEmpty();
}

QString ExtensionCallSettingsWidget::extensionName(const QString& extensionId) const {
    const std::optional<core::Extension> found =
        store::ExtensionRepository(m_database).find(m_profileId, extensionId);
    return found ? extensionText(*found) : tr("Extension %1").arg(extensionId);
}

void ExtensionCallSettingsWidget::showRules() {
    const auto nameOf = [this](const QString& id) {
        return extensionName(id);
    };
    // The after-hours rule: what the API does not let a default rule change is said, not offered.
    const bool afterHoursFetched = m_stored.contains(ExtensionSettingsRepository::kAfterHours);
    m_ui->afterHoursStateLabel->setText(
        !afterHoursFetched ? tr("Not fetched yet: opening the extension fetches it.")
        : !haveAfterHoursRule()
            ? tr("This extension has no after-hours rule: its business hours are 24/7, so "
                 "every call is handled as during business hours.")
            : tr("Applies outside the extension's business hours."));
    m_ui->afterHoursReadOnlyLabel->setText(
        tr("Read only: when it applies. RingCentral's after-hours rule follows the business hours and "
           "cannot have caller or called-number conditions; use a custom rule for those."));
    m_ui->afterHoursReadOnlyLabel->setVisible(haveAfterHoursRule());

    // Custom rules: listed with what they do; not edited here.
    m_ui->customRulesView->clear();
    const QJsonArray custom =
        m_stored.value(ExtensionSettingsRepository::kCustomRules).value(u"records"_s).toArray();
    for (const QJsonValue& value : custom) {
        const QJsonObject rule = value.toObject();
        auto* item = new QTreeWidgetItem(
            m_ui->customRulesView,
            {rule.value(u"name"_s).toString(), rule.value(u"enabled"_s).toBool(true) ? tr("Yes") : tr("No"),
             CallRuleText::conditions(rule), CallRuleText::action(rule, nameOf)});
        for (int column = 0; column < item->columnCount(); ++column)
            item->setToolTip(column, item->text(column));
    }
    const bool customFetched = m_stored.contains(ExtensionSettingsRepository::kCustomRules);
    m_ui->customRulesNote->setText(
        !customFetched     ? tr("Not fetched yet: opening the extension fetches them.")
        : custom.isEmpty() ? tr("No custom rules: calls follow the business-hours and after-hours rules.")
                           : tr("Read only here: custom rules are listed so that you see which calls they "
                                "take before the rules above; the console does not edit them yet, so "
                                "change them in RingCentral's admin portal."));

    // Greetings of every rule: preset (RingCentral's default) or custom (a recording uploaded as audio).
    m_ui->greetingsView->clear();
    QList<QJsonObject> rules;
    for (const QString& kind :
         {ExtensionSettingsRepository::kBusinessHours, ExtensionSettingsRepository::kAfterHours})
        if (!m_stored.value(kind).isEmpty())
            rules << m_stored.value(kind);
    for (const QJsonValue& value : custom)
        rules << value.toObject();
    for (const QJsonObject& rule : std::as_const(rules)) {
        const QString ruleName = rule.value(u"type"_s) == u"BusinessHours"_s ? tr("Business hours")
                                 : rule.value(u"type"_s) == u"AfterHours"_s
                                     ? tr("After hours")
                                     : rule.value(u"name"_s).toString();
        for (const QJsonValue& greetingValue : rule.value(u"greetings"_s).toArray()) {
            const QJsonObject greeting = greetingValue.toObject();
            const bool isCustom = greeting.contains(u"custom"_s);
            const QString name =
                isCustom
                    ? tr("Recording %1").arg(SettingsPayloads::valueAt(greeting, u"custom.id"_s).toString())
                    : SettingsPayloads::valueAt(greeting, u"preset.name"_s).toString();
            new QTreeWidgetItem(m_ui->greetingsView,
                                {ruleName, CallRuleText::greetingType(greeting.value(u"type"_s).toString()),
                                 name.isEmpty() ? tr("Default") : name,
                                 isCustom ? tr("Custom") : tr("Default")});
        }
    }
    m_ui->greetingsNote->setText(
        rules.isEmpty() ? tr("Not fetched yet: the greetings come with the answering rules.")
                        : tr("Read only: a custom greeting is a recording uploaded as audio, which the "
                             "console does not do; record or upload greetings in RingCentral's admin "
                             "portal."));
}

void ExtensionCallSettingsWidget::fillTransferCombo(QComboBox* combo, const QString& extensionId) {
    combo->clear();
    combo->addItem(tr("Choose an extension"), QString());
    if (m_extensionId.isEmpty())
        return;
    store::ExtensionRepository extensions(m_database);
    QList<core::Extension> targets;
    for (const core::ExtensionType type : kTransferTargets) {
        store::ExtensionFilter filter;
        filter.type = type;
        targets += extensions.list(m_profileId, filter);
    }
    std::sort(targets.begin(), targets.end(), [](const core::Extension& a, const core::Extension& b) {
        return a.extensionNumber < b.extensionNumber;
    });
    bool listed = extensionId.isEmpty();
    for (const core::Extension& target : targets) {
        if (target.id == m_extensionId)
            continue;
        combo->addItem(extensionText(target), target.id);
        listed = listed || target.id == extensionId;
    }
    if (!listed)
        combo->addItem(extensionName(extensionId), extensionId);
    combo->setCurrentIndex(std::max(0, combo->findData(extensionId)));
}

void ExtensionCallSettingsWidget::fillCallerIdCombo(const QJsonObject& callerIdInfo) {
    QComboBox* combo = m_ui->callerIdCombo;
    combo->clear();
    if (!m_stored.contains(ExtensionSettingsRepository::kCallerId)) {
        combo->addItem(tr("Not fetched yet"), QString());
        return;
    }
    combo->addItem(tr("Nothing (caller ID blocked)"), u"Blocked"_s);
    combo->setToolTip(
        tr("Only numbers with the CallerId feature can be shown as caller ID; a number's features "
           "are read with the details of an extension that may use it."));
    // The numbers RingCentral lets an extension show: its own and the company's voice numbers, each only
    // with the CallerId feature. A number whose features were never read is not offered either.
    store::PhoneNumberRepository numbers(m_database);
    const auto offer = [&](const core::PhoneNumberRecord& number, const QString& text) {
        const std::optional<core::NumberFeatures> features = numbers.listedFeatures(m_profileId, number.id);
        if (features && features->testFlag(core::NumberFeature::CallerId))
            combo->addItem(text, number.id);
    };
    store::PhoneNumberFilter own;
    own.extensionId = m_extensionId;
    for (const core::PhoneNumberRecord& number : numbers.list(m_profileId, own))
        offer(number, tr("%1 (this extension's number)").arg(core::readableNumber(number.e164)));
    for (const core::UsageType usage : {core::UsageType::MainCompanyNumber, core::UsageType::CompanyNumber,
                                        core::UsageType::AdditionalCompanyNumber}) {
        store::PhoneNumberFilter company;
        company.extensionId = QString(u""_s);
        company.usageType = usage;
        for (const core::PhoneNumberRecord& number : numbers.list(m_profileId, company))
            offer(number, tr("%1 (company number)").arg(core::readableNumber(number.e164)));
    }
    const QJsonObject ringOut = SettingsPayloads::ringOutCallerId(callerIdInfo);
    const QString type = ringOut.value(u"type"_s).toString(u"PhoneNumber"_s);
    QString current = type;
    if (type == u"PhoneNumber"_s) {
        current = SettingsPayloads::valueAt(ringOut, u"phoneInfo.id"_s).toString();
        if (!current.isEmpty() && combo->findData(current) < 0)
            combo->addItem(core::readableNumber(
                               SettingsPayloads::valueAt(ringOut, u"phoneInfo.phoneNumber"_s).toString()),
                           current);
    } else if (combo->findData(type) < 0) {
        combo->addItem(type == u"CurrentLocation"_s ? tr("The caller's current location") : type, type);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void ExtensionCallSettingsWidget::updateState() {
    const bool haveRule = m_stored.contains(ExtensionSettingsRepository::kBusinessHours);
    const bool haveNotifications = m_stored.contains(ExtensionSettingsRepository::kNotifications);
    const bool haveCallerId = m_stored.contains(ExtensionSettingsRepository::kCallerId);
    const QString notFetched = tr("Not fetched yet: opening the extension fetches them.");
    const auto enable = [&](QWidget* widget, bool fetched) {
        widget->setEnabled(m_editable && fetched);
        widget->setToolTip(!fetched ? notFetched : m_editable ? QString() : m_whyNot);
    };
    enable(m_ui->callHandlingGroup, haveRule);
    enable(m_ui->voicemailEnabledCheck, haveRule);
    for (QWidget* widget : {static_cast<QWidget*>(m_ui->voicemailEmailCheck),
                            static_cast<QWidget*>(m_ui->voicemailAttachmentCheck),
                            static_cast<QWidget*>(m_ui->voicemailMarkReadCheck),
                            static_cast<QWidget*>(m_ui->notificationsGroup)})
        enable(widget, haveNotifications);
    enable(m_ui->callerIdGroup, haveCallerId);
    // The after-hours rule: its fields are off while none exists (business hours 24/7), with the reason.
    const bool afterHoursFetched = m_stored.contains(ExtensionSettingsRepository::kAfterHours);
    for (QWidget* widget : {static_cast<QWidget*>(m_ui->afterHoursActionCombo),
                            static_cast<QWidget*>(m_ui->afterHoursForwardToEdit),
                            static_cast<QWidget*>(m_ui->afterHoursApplicationCombo)}) {
        widget->setEnabled(m_editable && haveAfterHoursRule());
        widget->setToolTip(!afterHoursFetched ? notFetched
                           : !m_editable      ? m_whyNot
                           : haveAfterHoursRule()
                               ? QString()
                               : tr("No after-hours rule: the business hours are 24/7. Set business hours "
                                    "in RingCentral's admin portal to get one."));
    }
    // Its fields come from two documents: the group itself is off only when neither can be edited.
    m_ui->voicemailGroup->setEnabled(m_editable && (haveRule || haveNotifications));
    m_ui->voicemailGroup->setToolTip(!m_editable                     ? m_whyNot
                                     : haveRule || haveNotifications ? QString()
                                                                     : notFetched);

    QStringList parts;
    if (m_extensionId.isEmpty()) {
        parts << tr("Choose an extension to see its call settings.");
    } else {
        QStringList missing;
        std::optional<QDateTime> oldest;
        ExtensionSettingsRepository repository(m_database);
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            if (!m_stored.contains(kind)) {
                missing << ExtensionSettingsRepository::displayName(kind);
                continue;
            }
            const std::optional<QDateTime> synced = repository.syncedAt(m_profileId, m_extensionId, kind);
            if (synced && (!oldest || *synced < *oldest))
                oldest = synced;
        }
        if (missing.size() == ExtensionSettingsRepository::kinds().size())
            parts << notFetched;
        else if (!missing.isEmpty())
            parts
                << tr("Not fetched yet: %1. Opening the extension fetches them.").arg(missing.join(u", "_s));
        else if (oldest)
            parts << tr("Fetched from the provider %1.")
                         .arg(QLocale().toString(oldest->toLocalTime(), QLocale::ShortFormat));
        if (!m_staged.isEmpty())
            parts << tr("Shows changes staged but not applied yet.");
        if (!m_editable)
            parts << tr("Read only: %1").arg(m_whyNot);
    }
    m_ui->stateLabel->setText(parts.join(u' '));
}

void ExtensionCallSettingsWidget::updateActionFields() {
    showActionFields(
        m_ui->actionCombo, {m_ui->forwardToLabel, m_ui->forwardToEdit},
        {m_ui->transferToLabel, m_ui->transferCombo}, m_ui->actionHint,
        {{kForwardCalls, tr("Calls ring the extension's phones and forwarding list (edit the list "
                            "under Forwarding).")},
         {kUnconditional,
          tr("Every call goes straight to the number below; the extension's phones do not ring.")},
         {kTransfer, tr("Every call goes to the chosen extension, e.g. an IVR menu or an application.")},
         {kVoicemailOnly, tr("Callers can only leave a voicemail.")}});
    showActionFields(
        m_ui->afterHoursActionCombo, {m_ui->afterHoursForwardToLabel, m_ui->afterHoursForwardToEdit},
        {m_ui->afterHoursApplicationLabel, m_ui->afterHoursApplicationCombo}, m_ui->afterHoursHint,
        {{kForwardCalls, tr("After hours, calls ring the extension's phones and forwarding list.")},
         {kUnconditional, tr("After hours, every call goes straight to the number below.")},
         {kTransfer, tr("After hours, every call goes to the chosen application: an IVR menu, a call "
                        "queue or an application extension of the account.")},
         {kVoicemailOnly, tr("After hours, callers can only leave a voicemail.")},
         {kAnnouncementOnly, tr("After hours, callers hear the announcement greeting and the call ends.")}});
}

QString ExtensionCallSettingsWidget::forwardToValue(const QString& kind, const QLineEdit* edit,
                                                    const QString& loaded) const {
    const QString text = edit->text().trimmed();
    if (text == loaded.trimmed())
        return SettingsPayloads::valueAt(m_baseline.value(kind), kForwardToPath).toString();
    const core::ParseOutcome parsed = core::PhoneNumber::parse(text, defaultRegion());
    return parsed.ok() ? parsed.number->e164() : text;
}

QString ExtensionCallSettingsWidget::forwardToError(const QString& action, const QLineEdit* edit,
                                                    const QString& loaded) const {
    if (action != kUnconditional)
        return {};
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return tr("Forward to: enter the phone number that every call is forwarded to.");
    if (text != loaded.trimmed()) {
        const core::ParseOutcome parsed = core::PhoneNumber::parse(text, defaultRegion());
        if (!parsed.ok())
            return tr("Forward to: %1").arg(parsed.error);
    }
    return {};
}

QStringList ExtensionCallSettingsWidget::emailAddresses() const {
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return m_ui->emailEdit->text().split(separators, Qt::SkipEmptyParts);
}

QStringList ExtensionCallSettingsWidget::validationErrors() const {
    QStringList errors;
    for (const QLabel* label : {m_ui->forwardToError, m_ui->transferError, m_ui->afterHoursForwardToError,
                                m_ui->afterHoursApplicationError, m_ui->emailError}) {
        if (!label->text().isEmpty())
            errors << label->text();
    }
    return errors;
}

void ExtensionCallSettingsWidget::validate() {
    const QString action = m_ui->actionCombo->currentData().toString();
    const bool haveRule = m_stored.contains(ExtensionSettingsRepository::kBusinessHours);
    const QString forwardError =
        haveRule ? forwardToError(action, m_ui->forwardToEdit, m_loadedForwardTo) : QString();
    QString transferError;
    if (haveRule && action == kTransfer && m_ui->transferCombo->currentData().toString().isEmpty())
        transferError = tr("Transfer to: choose the extension that takes the calls.");
    const QString afterHoursAction = m_ui->afterHoursActionCombo->currentData().toString();
    const QString afterHoursForwardError =
        haveAfterHoursRule()
            ? forwardToError(afterHoursAction, m_ui->afterHoursForwardToEdit, m_loadedAfterHoursForwardTo)
            : QString();
    QString applicationError;
    if (haveAfterHoursRule() && afterHoursAction == kTransfer &&
        m_ui->afterHoursApplicationCombo->currentData().toString().isEmpty())
        applicationError = tr("Application: choose the IVR menu, call queue or application that takes the "
                              "calls after hours.");
    QString emailError;
    if (m_stored.contains(ExtensionSettingsRepository::kNotifications)) {
        const QStringList emails = emailAddresses();
        for (const QString& email : emails) {
            if (!looksLikeEmail(email)) {
                emailError =
                    tr("E-mail addresses: \"%1\" is not an e-mail address (name@example.com).").arg(email);
                break;
            }
        }
        const bool managers = m_baseline.value(ExtensionSettingsRepository::kNotifications)
                                  .value(u"includeManagers"_s)
                                  .toBool(true);
        if (emailError.isEmpty() && emails.isEmpty() && !managers)
            emailError = tr("E-mail addresses: enter at least one address; the extension's managers are not "
                            "notified instead.");
    }
    const auto show = [](QLabel* label, const QString& message) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    };
    show(m_ui->forwardToError, forwardError);
    show(m_ui->transferError, transferError);
    show(m_ui->afterHoursForwardToError,
         afterHoursForwardError.isEmpty() ? QString() : tr("After hours: %1").arg(afterHoursForwardError));
    show(m_ui->afterHoursApplicationError, applicationError);
    m_ui->afterHoursForwardToEdit->setToolTip(m_ui->afterHoursForwardToError->text());
    show(m_ui->emailError, emailError);
    m_ui->forwardToEdit->setToolTip(forwardError);
    m_ui->emailEdit->setToolTip(emailError.isEmpty() ? tr("Where notifications are sent; separate several "
                                                          "addresses with commas.")
                                                     : emailError);
}

void ExtensionCallSettingsWidget::userEdited() {
    if (m_loading)
        return;
    updateActionFields();
    validate();
    emit edited();
}

QJsonObject ExtensionCallSettingsWidget::editedDocument(const QString& kind) const {
    QJsonObject document = m_baseline.value(kind);
    if (kind == ExtensionSettingsRepository::kBusinessHours) {
        const QString action = m_ui->actionCombo->currentData().toString();
        document.insert(u"callHandlingAction"_s, action);
        SettingsPayloads::setValueAt(document, u"voicemail.enabled"_s,
                                     m_ui->voicemailEnabledCheck->isChecked());
        if (action == kUnconditional)
            SettingsPayloads::setValueAt(document, kForwardToPath,
                                         forwardToValue(kind, m_ui->forwardToEdit, m_loadedForwardTo));
        if (action == kTransfer)
            SettingsPayloads::setValueAt(document, kTransferPath,
                                         m_ui->transferCombo->currentData().toString());
    } else if (kind == ExtensionSettingsRepository::kAfterHours) {
        if (document.isEmpty())
            return document; // no after-hours rule to edit
        const QString action = m_ui->afterHoursActionCombo->currentData().toString();
        document.insert(u"callHandlingAction"_s, action);
        if (action == kUnconditional)
            SettingsPayloads::setValueAt(
                document, kForwardToPath,
                forwardToValue(kind, m_ui->afterHoursForwardToEdit, m_loadedAfterHoursForwardTo));
        if (action == kTransfer)
            SettingsPayloads::setValueAt(document, kTransferPath,
                                         m_ui->afterHoursApplicationCombo->currentData().toString());
    } else if (kind == ExtensionSettingsRepository::kNotifications) {
        const QStringList emails = emailAddresses();
        QStringList before;
        for (const QJsonValue& value : document.value(u"emailAddresses"_s).toArray())
            before << value.toString();
        if (emails != before)
            document.insert(u"emailAddresses"_s, QJsonArray::fromStringList(emails));
        const std::pair<QString, QCheckBox*> flags[] = {
            {u"voicemails.notifyByEmail"_s, m_ui->voicemailEmailCheck},
            {u"voicemails.includeAttachment"_s, m_ui->voicemailAttachmentCheck},
            {u"voicemails.markAsRead"_s, m_ui->voicemailMarkReadCheck},
            {u"missedCalls.notifyByEmail"_s, m_ui->missedEmailCheck},
            {u"missedCalls.notifyBySms"_s, m_ui->missedSmsCheck},
            {u"inboundTexts.notifyByEmail"_s, m_ui->textsEmailCheck},
            {u"inboundTexts.notifyBySms"_s, m_ui->textsSmsCheck}};
        for (const auto& [path, check] : flags) {
            // A member the provider did not send stays absent unless the admin turned it on.
            if (!SettingsPayloads::valueAt(document, path).isUndefined() || check->isChecked())
                SettingsPayloads::setValueAt(document, path, check->isChecked());
        }
    } else if (kind == ExtensionSettingsRepository::kCallerId) {
        const QString choice = m_ui->callerIdCombo->currentData().toString();
        const QJsonObject before = SettingsPayloads::ringOutCallerId(document);
        const QString beforeChoice = before.value(u"type"_s).toString(u"PhoneNumber"_s) == u"PhoneNumber"_s
                                         ? SettingsPayloads::valueAt(before, u"phoneInfo.id"_s).toString()
                                         : before.value(u"type"_s).toString();
        if (!choice.isEmpty() && choice != beforeChoice) {
            const bool special = choice == u"Blocked"_s || choice == u"CurrentLocation"_s;
            SettingsPayloads::setRingOutCallerId(document, special ? choice : u"PhoneNumber"_s,
                                                 special ? QString() : choice);
        }
    }
    return document;
}

QStringList ExtensionCallSettingsWidget::editedKinds() const {
    QStringList kinds;
    if (!m_editable)
        return kinds;
    for (const QString& kind : ExtensionSettingsRepository::kinds()) {
        if (m_stored.contains(kind) &&
            !SettingsPayloads::differences(kind, m_baseline.value(kind), editedDocument(kind)).isEmpty())
            kinds << kind;
    }
    return kinds;
}

bool ExtensionCallSettingsWidget::hasUnsavedEdits() const {
    return !editedKinds().isEmpty();
}

bool ExtensionCallSettingsWidget::stageChanges(QString* error) {
    const QStringList problems = validationErrors();
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.constFirst();
        return false;
    }
    const QStringList kinds = editedKinds();
    if (kinds.isEmpty())
        return true;
    changes::StagingHistory& history = changes::StagingHistory::of(m_database);
    QHash<QString, QJsonObject> staged;
    QHash<QString, changes::ShownStagedChange> shown = m_staged;
    QString refused;
    {
        store::Transaction transaction(m_database);
        changes::StagingHistory::Edit historyEntry(history, tr("Edit the call settings"));
        for (const QString& kind : kinds) {
            const QJsonObject edited = editedDocument(kind);
            // The stager revises the kind's staged change, or drops it when the form is back to the store.
            // The revision is the one this form shows (none when it showed no staged change): another
            // admin's revision since, or a change they staged since, is refused, not written over.
            store::PendingChange proposed = SettingsPayloads::settingsUpdate(m_profileId, m_extensionId, kind,
                                                                             m_stored.value(kind), edited);
            proposed.revision = m_staged.value(kind).revision;
            const changes::StagingResult result = history.stage(proposed, {});
            if (!result.ok()) {
                refused = result.error;
                break; // the transaction rolls back: nothing staged
            }
            changes::ShownStagedChange& change = shown[kind];
            change.follow(result);
            if (!change.exists())
                shown.remove(kind);
            staged.insert(kind, edited);
        }
        if (refused.isEmpty() && !transaction.commit())
            refused = transaction.error();
        if (refused.isEmpty())
            historyEntry.commit();
    }
    if (!refused.isEmpty()) {
        reloadKeepingEdits();
        if (error)
            *error = tr("The call settings were not staged: %1 The form now shows what is staged, with your "
                        "edits kept; save again to stage them.")
                         .arg(refused);
        return false;
    }
    m_staged = shown;
    for (auto it = staged.cbegin(); it != staged.cend(); ++it)
        m_baseline.insert(it.key(), it.value());
    m_loadedForwardTo = m_ui->forwardToEdit->text();
    m_loadedAfterHoursForwardTo = m_ui->afterHoursForwardToEdit->text();
    updateState();
    return true;
}

void ExtensionCallSettingsWidget::reloadKeepingEdits() {
    const QVariantList typed = fieldValues();
    showBaseline(); // the version the edit was made on, to tell which fields the admin changed
    const QVariantList shown = fieldValues();
    load();
    const QList<QWidget*> fields = inputs();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (typed.at(i) != shown.at(i))
            setValueOf(fields.at(i), typed.at(i));
    }
}

QList<QWidget*> ExtensionCallSettingsWidget::inputs() const {
    return {m_ui->actionCombo,
            m_ui->forwardToEdit,
            m_ui->transferCombo,
            m_ui->voicemailEnabledCheck,
            m_ui->emailEdit,
            m_ui->voicemailEmailCheck,
            m_ui->voicemailAttachmentCheck,
            m_ui->voicemailMarkReadCheck,
            m_ui->missedEmailCheck,
            m_ui->missedSmsCheck,
            m_ui->textsEmailCheck,
            m_ui->textsSmsCheck,
            m_ui->callerIdCombo,
            m_ui->afterHoursActionCombo,
            m_ui->afterHoursForwardToEdit,
            m_ui->afterHoursApplicationCombo};
}

QVariantList ExtensionCallSettingsWidget::fieldValues() const {
    QVariantList values;
    for (const QWidget* input : inputs())
        values << valueOf(input);
    return values;
}

void ExtensionCallSettingsWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        // Unsaved edits survive a language switch: only the texts are rebuilt.
        const QString action = m_ui->actionCombo->currentData().toString();
        const QString afterHoursAction = m_ui->afterHoursActionCombo->currentData().toString();
        m_loading = true;
        m_ui->retranslateUi(this);
        fillActionCombo(action);
        fillAfterHoursActionCombo(afterHoursAction);
        showRules();
        m_loading = false;
        updateActionFields();
        updateState();
        validate();
    }
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
