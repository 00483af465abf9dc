#include "gui/extensions/ExtensionEditor.h"

#include "changes/ChangePayloads.h"
#include "changes/ChangeStager.h"
#include "changes/SettingsPayloads.h"
#include "changes/StagingHistory.h"
#include "core/ExtensionValidator.h"
#include "gui/Retranslate.h"
#include "gui/TextStyle.h"
#include "gui/extensions/ExtensionCallSettingsWidget.h"
#include "gui/extensions/ExtensionPermissions.h"
#include "gui/extensions/FormMessages.h"
#include "gui/extensions/ForwardingEditor.h"
#include "store/ExtensionRepository.h"
#include "store/ProfileRepository.h"
#include "store/TimeZoneRepository.h"
#include "store/Transaction.h"
#include "ui_ExtensionEditor.h"

#include <QCompleter>
#include <QEvent>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

using changes::ChangePayloads;
using core::ExtensionValidator;

ExtensionEditor::ExtensionEditor(store::Database& database, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ExtensionEditor>())
    , m_database(database) {
    m_ui->setupUi(this);
    setObjectName(u"extensionEditor"_s);
    text::makeHeading(m_ui->titleLabel, text::kFormTitleScale);
    text::makeSecondary({m_ui->subtitleLabel});
    for (QLabel* label : errorLabels())
        form::makeErrorLabel(label);
    form::makeBanner(m_ui->stagedLabel, form::Banner::Info);
    form::makeBanner(m_ui->permissionLabel, form::Banner::Warning);
    m_ui->saveButton->setDefault(false);
    m_ui->saveButton->setAutoDefault(false);

    m_ui->timeZoneCombo->setInsertPolicy(QComboBox::NoInsert);
    auto* completer = new QCompleter(m_ui->timeZoneCombo->model(), m_ui->timeZoneCombo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->timeZoneCombo->setCompleter(completer);
    m_ui->timeZoneCombo->lineEdit()->setPlaceholderText(tr("Account's time zone"));

    m_forwarding = new ForwardingEditor(database, m_ui->forwardingTab);
    m_ui->forwardingLayout->addWidget(m_forwarding);
    connect(m_forwarding, &ForwardingEditor::edited, this, &ExtensionEditor::updateState);

    // Call handling, voicemail, notifications and the outbound caller ID (the SETTINGS widget), scrolled
    // because its sections are taller than the tab.
    auto* scroll = new QScrollArea(m_ui->callSettingsTab);
    scroll->setObjectName(u"callSettingsScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_callSettings = new ExtensionCallSettingsWidget(database, scroll);
    scroll->setWidget(m_callSettings);
    m_ui->callSettingsLayout->addWidget(scroll);
    connect(m_callSettings, &ExtensionCallSettingsWidget::edited, this, &ExtensionEditor::updateState);

    for (QLineEdit* edit : {m_ui->extensionNumberEdit, m_ui->firstNameEdit, m_ui->lastNameEdit,
                            m_ui->companyEdit, m_ui->jobTitleEdit, m_ui->departmentEdit, m_ui->emailEdit,
                            m_ui->businessPhoneEdit, m_ui->mobilePhoneEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &ExtensionEditor::fieldEdited);
    }
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, &ExtensionEditor::fieldEdited);
    connect(m_ui->timeZoneCombo, &QComboBox::editTextChanged, this, &ExtensionEditor::fieldEdited);
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error)) {
            form::showMessages(m_ui->messageLabel, {error});
        }
    });
    connect(m_ui->revertButton, &QPushButton::clicked, this, &ExtensionEditor::revert);
    connect(&changes::ChangeStager::of(database), &changes::ChangeStager::changed, this,
            &ExtensionEditor::stagedChangeChanged);

    fillCombos();
    clear();
}

ExtensionEditor::~ExtensionEditor() = default;

QHash<QString, QLabel*> ExtensionEditor::errorLabels() const {
    return {{u"/name"_s, m_ui->nameError},
            {u"/extensionNumber"_s, m_ui->extensionNumberError},
            {u"/status"_s, m_ui->statusError},
            {u"/timeZone"_s, m_ui->timeZoneError},
            {u"/contact/firstName"_s, m_ui->firstNameError},
            {u"/contact/lastName"_s, m_ui->lastNameError},
            {u"/contact/company"_s, m_ui->companyError},
            {u"/contact/jobTitle"_s, m_ui->jobTitleError},
            {u"/contact/department"_s, m_ui->departmentError},
            {u"/contact/email"_s, m_ui->emailError},
            {u"/contact/businessPhone"_s, m_ui->businessPhoneError},
            {u"/contact/mobilePhone"_s, m_ui->mobilePhoneError}};
}

void ExtensionEditor::fillTimeZones(qint64 profileId) {
    const QList<core::TimeZone> zones = store::TimeZoneRepository(m_database).list(profileId);
    QStringList names;
    for (const core::TimeZone& zone : zones)
        names << zone.name;
    if (names == m_providerTimeZones && m_ui->timeZoneCombo->count() > 0)
        return;
    m_providerTimeZones = names;
    const QSignalBlocker blocker(m_ui->timeZoneCombo);
    m_ui->timeZoneCombo->clear();
    if (zones.isEmpty()) {
        // No list from the provider (not fetched yet, or a provider without one): the IANA zones Qt
        // knows, which is what RingCentral's zone names are.
        QStringList known;
        for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
            known << QString::fromUtf8(id);
        known.sort(Qt::CaseInsensitive);
        m_ui->timeZoneCombo->addItems(known);
        return;
    }
    for (const core::TimeZone& zone : zones) {
        m_ui->timeZoneCombo->addItem(zone.name);
        m_ui->timeZoneCombo->setItemData(m_ui->timeZoneCombo->count() - 1, zone.description, Qt::ToolTipRole);
    }
}

void ExtensionEditor::fillCombos() {
    const QVariant status = m_ui->statusCombo->currentData();
    const QSignalBlocker blocker(m_ui->statusCombo);
    m_ui->statusCombo->clear();
    for (const core::ExtensionStatus s : core::allValues<core::ExtensionStatus>()) {
        // Unassigned is RingCentral's word for "has no number"; it is only listed for such extensions.
        if (s == core::ExtensionStatus::Unassigned &&
            (!m_stored || m_stored->status != core::ExtensionStatus::Unassigned))
            continue;
        m_ui->statusCombo->addItem(core::displayName(s), core::toWire(s));
    }
    m_ui->statusCombo->setCurrentIndex(qMax(0, m_ui->statusCombo->findData(status)));
}

void ExtensionEditor::readStagedChanges() {
    m_baseline = *m_stored;
    m_stagedUpdate = {};
    m_stagedDelete = false;
    for (const store::PendingChange& change :
         changes::ChangeStager::of(m_database)
             .openChanges(m_profileId, ChangePayloads::kExtension, m_stored->id)) {
        if (change.operation == store::ChangeOperation::Update) {
            m_stagedUpdate = changes::ShownStagedChange::of(change);
            m_baseline = ChangePayloads::applyExtensionFields(*m_stored, change.payload);
        } else if (change.operation == store::ChangeOperation::Delete) {
            m_stagedDelete = true;
        }
    }
}

void ExtensionEditor::reloadKeepingEdits() {
    const QJsonObject typed = ChangePayloads::extensionDifference(m_baseline, editedExtension());
    readStagedChanges();
    showBaseline();
    m_loading = true;
    showFields(ChangePayloads::applyExtensionFields(m_baseline, typed));
    m_loading = false;
    updateState();
}

bool ExtensionEditor::setExtension(qint64 profileId, const QString& extensionId) {
    const std::optional<core::Extension> stored =
        store::ExtensionRepository(m_database).find(profileId, extensionId);
    if (!stored) {
        clear();
        return false;
    }
    m_profileId = profileId;
    m_stored = stored;
    store::ExtensionRepository repository(m_database);
    m_storedVersion = repository.versionOf(*stored);
    readStagedChanges();

    const ExtensionPermissions permissions(m_database);
    const ExtensionPermissions::Verdict edit = permissions.canEdit(profileId, extensionId);
    const ExtensionPermissions::Verdict administrative =
        permissions.canEditAdministrativeFields(profileId, extensionId);
    m_canEdit = edit.allowed && !m_stagedDelete;
    m_whyNot = m_stagedDelete ? tr("The extension is staged for deletion.") : edit.whyNot;
    m_canEditAdministrative = m_canEdit && administrative.allowed;
    m_whyNotAdministrative = m_canEdit ? administrative.whyNot : m_whyNot;

    fillCombos();
    fillTimeZones(profileId);
    showBaseline();
    QString error;
    if (!m_forwarding->setExtension(profileId, extensionId, &error))
        form::showMessages(m_ui->messageLabel, {error});
    m_forwarding->setEditable(m_canEdit, m_whyNot);
    m_callSettings->setExtension(profileId, extensionId, m_canEdit, m_whyNot);
    applyPermissions();
    updateState();
    return true;
}

void ExtensionEditor::clear() {
    m_profileId = 0;
    m_stored.reset();
    m_baseline = {};
    m_stagedUpdate = {};
    m_stagedDelete = false;
    m_canEdit = false;
    m_canEditAdministrative = false;
    m_whyNot.clear();
    m_whyNotAdministrative.clear();
    showBaseline();
    m_forwarding->clear();
    m_forwarding->setEditable(false);
    m_callSettings->setExtension(0, {}, false, {});
    applyPermissions();
    updateState();
}

void ExtensionEditor::showFields(const core::Extension& x) {
    m_ui->nameEdit->setText(x.name);
    m_ui->extensionNumberEdit->setText(x.extensionNumber);
    m_ui->statusCombo->setCurrentIndex(qMax(0, m_ui->statusCombo->findData(core::toWire(x.status))));
    m_ui->timeZoneCombo->setEditText(x.timeZone);
    m_ui->typeValue->setText(m_stored ? core::displayName(x.type) : QString());
    m_ui->firstNameEdit->setText(x.contact.firstName);
    m_ui->lastNameEdit->setText(x.contact.lastName);
    m_ui->companyEdit->setText(x.contact.company);
    m_ui->jobTitleEdit->setText(x.contact.jobTitle);
    m_ui->departmentEdit->setText(x.contact.department);
    m_ui->emailEdit->setText(x.contact.email);
    m_ui->businessPhoneEdit->setText(x.contact.businessPhone);
    m_ui->mobilePhoneEdit->setText(x.contact.mobilePhone);
}

void ExtensionEditor::showBaseline() {
    m_loading = true;
    const core::Extension& x = m_baseline;
    showFields(x);

    if (m_stored) {
        const QString number = x.extensionNumber.isEmpty() ? tr("No number") : x.extensionNumber;
        m_ui->titleLabel->setText(tr("%1 · %2").arg(number, x.name));
        const std::optional<store::Profile> profile = store::ProfileRepository(m_database).find(m_profileId);
        m_ui->subtitleLabel->setText(tr("%1 · %2 · %3")
                                         .arg(core::displayName(x.type), core::displayName(m_stored->status),
                                              profile ? profile->name : QString()));
    } else {
        m_ui->titleLabel->setText(tr("No extension selected"));
        m_ui->subtitleLabel->setText(tr("Choose an extension in the list to see and edit its settings."));
    }
    m_loading = false;
    updateMessages();
}

void ExtensionEditor::applyPermissions() {
    const bool loaded = m_stored.has_value();
    for (QWidget* field :
         QList<QWidget*>{m_ui->nameEdit, m_ui->timeZoneCombo, m_ui->firstNameEdit, m_ui->lastNameEdit,
                         m_ui->companyEdit, m_ui->jobTitleEdit, m_ui->departmentEdit, m_ui->emailEdit,
                         m_ui->businessPhoneEdit, m_ui->mobilePhoneEdit}) {
        field->setEnabled(loaded && m_canEdit);
        field->setToolTip(loaded && !m_canEdit ? m_whyNot : QString());
    }
    if (m_ui->nameEdit->toolTip().isEmpty())
        m_ui->nameEdit->setToolTip(tr("Built from the first and last name (Contact tab)."));
    for (QWidget* field : QList<QWidget*>{m_ui->extensionNumberEdit, m_ui->statusCombo}) {
        field->setEnabled(loaded && m_canEditAdministrative);
        field->setToolTip(loaded && !m_canEditAdministrative ? m_whyNotAdministrative : QString());
    }
    m_ui->tabs->setEnabled(loaded);
    form::showBanner(m_ui->permissionLabel, loaded && !m_canEdit                 ? m_whyNot
                                            : loaded && !m_canEditAdministrative ? m_whyNotAdministrative
                                                                                 : QString());
}

core::Extension ExtensionEditor::editedExtension() const {
    core::Extension x = m_baseline;
    x.extensionNumber = m_ui->extensionNumberEdit->text().trimmed();
    if (const auto status =
            core::fromWire<core::ExtensionStatus>(m_ui->statusCombo->currentData().toString()))
        x.status = *status;
    x.timeZone = m_ui->timeZoneCombo->currentText().trimmed();
    x.contact.firstName = m_ui->firstNameEdit->text().trimmed();
    x.contact.lastName = m_ui->lastNameEdit->text().trimmed();
    x.contact.company = m_ui->companyEdit->text().trimmed();
    x.contact.jobTitle = m_ui->jobTitleEdit->text().trimmed();
    x.contact.department = m_ui->departmentEdit->text().trimmed();
    x.contact.email = m_ui->emailEdit->text().trimmed();
    x.contact.businessPhone = ExtensionValidator::normalisedPhone(m_ui->businessPhoneEdit->text());
    x.contact.mobilePhone = ExtensionValidator::normalisedPhone(m_ui->mobilePhoneEdit->text());
    // The stored first and last name keep the stored name, which need not follow the rule (a record made
    // elsewhere): saving another field must not stage a rename.
    const core::Extension& stored = m_stored ? *m_stored : m_baseline;
    if (x.contact.firstName == stored.contact.firstName && x.contact.lastName == stored.contact.lastName)
        x.name = stored.name;
    else
        x.name = core::derivedName(x.contact);
    return x;
}

bool ExtensionEditor::hasUnsavedEdits() const {
    return m_stored && (editedExtension() != m_baseline || m_forwarding->hasUnsavedEdits() ||
                        m_callSettings->hasUnsavedEdits());
}

QHash<QString, QString> ExtensionEditor::numbersInUse(const QString& number) const {
    QHash<QString, QString> used;
    if (number.isEmpty() || !m_stored)
        return used;
    // Only the number being typed is looked up (the text filter matches it as part of a number).
    store::ExtensionFilter filter;
    filter.text = number;
    for (const core::Extension& other :
         store::ExtensionRepository(m_database).list(m_profileId, filter, nullptr, store::Page{0, 50})) {
        if (other.extensionNumber == number && other.id != m_stored->id)
            used.insert(number, other.name);
    }
    return used;
}

core::RuleViolations ExtensionEditor::violations() const {
    if (!m_stored)
        return {};
    const core::Extension edited = editedExtension();
    ExtensionValidator::Context context;
    context.storedStatus = m_stored->status;
    context.timeZones = m_providerTimeZones;
    if (edited.extensionNumber != m_stored->extensionNumber)
        context.numbersInUse = numbersInUse(edited.extensionNumber);
    core::RuleViolations result = ExtensionValidator::validate(edited, context);
    for (core::RuleViolation violation : m_forwarding->violations()) {
        violation.field.prepend(u"/forwarding"_s);
        result << violation;
    }
    for (const QString& message : m_callSettings->validationErrors()) {
        if (!message.isEmpty())
            result << core::RuleViolation{u"/callSettings"_s, message};
    }
    return result;
}

void ExtensionEditor::fieldEdited() {
    if (m_loading)
        return;
    // RingCentral builds the name from the first and last name and a PUT cannot set it, so the name
    // field is read-only (in the form) and shows that name as the admin types: what is reviewed is what
    // the provider will hold.
    m_ui->nameEdit->setText(editedExtension().name);
    updateState();
}

void ExtensionEditor::updateMessages() {
    QHash<QString, QStringList> byField;
    const core::RuleViolations all = violations();
    for (const core::RuleViolation& violation : all)
        byField[violation.field] << violation.message;
    const QHash<QString, QLabel*> labels = errorLabels();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        form::showMessages(it.value(), byField.value(it.key()));
}

void ExtensionEditor::updateState() {
    updateMessages();
    const bool modified = hasUnsavedEdits();
    const core::RuleViolations problems = violations();
    m_ui->saveButton->setEnabled(modified && problems.isEmpty());
    m_ui->revertButton->setEnabled(modified);
    if (modified && !problems.isEmpty()) {
        form::showMessages(m_ui->messageLabel,
                           {tr("%n rule(s) broken; the messages beside the fields say what to change.",
                               nullptr, static_cast<int>(problems.size()))});
        m_ui->saveButton->setToolTip(tr("Fix the marked fields to save."));
    } else {
        if (modified)
            form::showMessages(m_ui->messageLabel, {});
        m_ui->saveButton->setToolTip(
            tr("Stage the edits as pending changes (Ctrl+S); they reach the provider with the next sync"));
    }
    QString staged;
    if (m_stagedDelete)
        staged =
            tr("This extension is staged for deletion; the deletion reaches RingCentral with the next sync.");
    else if (m_stagedUpdate.exists())
        staged = tr("Edits to this extension are staged and not applied yet; the form shows them. Saving "
                    "again replaces them.");
    form::showBanner(m_ui->stagedLabel, staged);
    if (modified != m_wasModified) {
        m_wasModified = modified;
        emit modifiedChanged(modified);
    }
}

void ExtensionEditor::stagedChangeChanged(qint64 profileId, const QString& entity, const QString& entityKey) {
    // The signal does not say which extension a forwarding entry belongs to: any of them reloads.
    const bool concernsShown =
        m_stored && profileId == m_profileId &&
        ((entity == ChangePayloads::kExtension && entityKey == m_stored->id) ||
         (entity == changes::SettingsPayloads::kEntity && entityKey.startsWith(m_stored->id + u'/')) ||
         entity == ChangePayloads::kForwardingNumber);
    // This form's own save knows what it staged; a burst of rows (a list edit undone) reloads once.
    if (!concernsShown || m_saving || m_reloadQueued)
        return;
    m_reloadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadQueued = false;
        if (!m_stored)
            return;
        // An undo, a redo or another page changed what is staged: the form shows it.
        if (!hasUnsavedEdits()) {
            setExtension(m_profileId, m_stored->id);
            return;
        }
        // In the middle of an edit: what is staged now becomes the baseline and the fields the admin
        // changed keep what they typed; a part of the form with edits of its own keeps them (its save is
        // refused if made on an older revision, and then shows the new one with the edits kept).
        reloadKeepingEdits();
        QString error;
        if (!m_forwarding->hasUnsavedEdits() && m_forwarding->setExtension(m_profileId, m_stored->id, &error))
            m_forwarding->setEditable(m_canEdit, m_whyNot);
        if (!m_callSettings->hasUnsavedEdits())
            m_callSettings->setExtension(m_profileId, m_stored->id, m_canEdit, m_whyNot);
        updateState();
    });
}

bool ExtensionEditor::save(QString* error) {
    const QScopedValueRollback saving(m_saving, true);
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_stored)
        return fail(tr("No extension is selected."));
    if (!m_canEdit)
        return fail(m_whyNot);
    const core::RuleViolations problems = violations();
    if (!problems.isEmpty())
        return fail(tr("Not saved: %1").arg(problems.first().message));
    const core::Extension edited = editedExtension();
    const bool extensionChanged = edited != m_baseline;
    const bool forwardingChanged = m_forwarding->hasUnsavedEdits();
    const bool settingsChanged = m_callSettings->hasUnsavedEdits();
    if (!extensionChanged && !forwardingChanged && !settingsChanged)
        return fail(tr("Nothing to save: the form has no edits."));

    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        return fail(transaction.error());
    // Everything this save stages is one entry of the undo history, recorded when the transaction commits.
    const QString shownName = edited.extensionNumber.isEmpty() ? edited.name : edited.extensionNumber;
    changes::StagingHistory& history = changes::StagingHistory::of(m_database);
    changes::StagingHistory::Edit historyEntry(
        history, extensionChanged || (forwardingChanged && settingsChanged)
                     ? tr("Edit extension %1").arg(shownName)
                     : (forwardingChanged ? tr("Edit the forwarding list of %1").arg(shownName)
                                          : tr("Edit the call settings of %1").arg(shownName)));
    QString storeError;
    int extensionChanges = 0;
    changes::ShownStagedChange stagedUpdate = m_stagedUpdate;
    if (extensionChanged) {
        // The payload is always the difference to the stored record, so a second save revises the first
        // (and one back to the stored record drops it). It is made on the staged revision this form
        // shows: another admin's revision in between is refused, not overwritten.
        store::PendingChange proposed =
            ChangePayloads::extensionUpdate(m_profileId, *m_stored, edited, m_storedVersion);
        proposed.revision = m_stagedUpdate.revision;
        const changes::StagingResult staged = history.stage(proposed, {});
        if (!staged.ok()) {
            // Another admin's version is shown (else every save is refused the same way) with the fields
            // the admin changed kept, read after the rollback.
            transaction.rollback();
            reloadKeepingEdits();
            return fail(tr("Not saved: %1 The form now shows what is staged, with your edits kept; save "
                           "again to stage them.")
                            .arg(staged.error));
        }
        stagedUpdate.follow(staged);
        extensionChanges = 1;
    }
    int forwardingChanges = 0;
    if (forwardingChanged) {
        forwardingChanges = m_forwarding->stage(&storeError);
        if (forwardingChanges < 0)
            return fail(storeError);
    }
    if (settingsChanged && !m_callSettings->stageChanges(&storeError))
        return fail(storeError);
    if (!transaction.commit())
        return fail(transaction.error());
    historyEntry.commit();
    if (settingsChanged)
        m_callSettings->reload(); // shows the staged documents as its new baseline

    m_stagedUpdate = stagedUpdate;
    m_baseline = edited;
    showBaseline();
    updateState();
    QStringList what;
    if (extensionChanges > 0)
        what << tr("the settings");
    if (forwardingChanges > 0)
        what << tr("%n forwarding change(s)", nullptr, forwardingChanges);
    if (settingsChanged)
        what << tr("the call settings");
    const QString message = tr("Staged %1 for extension %2; it is sent to the provider with the next sync.")
                                .arg(what.join(tr(" and ")), shownName);
    form::showMessages(m_ui->messageLabel, {message});
    emit saved(message);
    return true;
}

void ExtensionEditor::showMessage(const QString& message) {
    form::showMessages(m_ui->messageLabel, {message});
}

void ExtensionEditor::revert() {
    m_forwarding->revert();
    m_callSettings->reload();
    showBaseline();
    form::showMessages(m_ui->messageLabel, {});
    updateState();
}

void ExtensionEditor::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        fillCombos();
        showBaseline();
        updateState();
    });
    QWidget::changeEvent(event);
}

} // namespace trunkline::gui
