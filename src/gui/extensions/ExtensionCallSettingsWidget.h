#pragma once

#include "changes/StagingResult.h"
#include "gui/GuiForward.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>
#include <QWidget>
#include <memory>

namespace Ui {
class ExtensionCallSettingsWidget;
}

namespace trunkline::gui {

// The call settings of one RingCentral extension, edited as the provider's documents that
// store::ExtensionSettingsRepository keeps: call handling during business hours and after hours (the two
// default answering rules; "Go to application" picks the IVR menu, call queue or application extension
// from a list), voicemail, notifications and the outbound caller ID. Custom rules and greetings are
// listed read-only, with the reason beside them. Fields are checked as the admin
// types, with the message beside the field; stageChanges() turns what was edited into pending changes
// (changes::SettingsPayloads), one per settings document. Documents never fetched are not shown as if
// defaults were real: their fields stay disabled and the widget says they are not fetched yet.
// Staged changes that are not applied yet are shown (and edited further) instead of the stored values.
class ExtensionCallSettingsWidget : public QWidget {
    Q_OBJECT

public:
    explicit ExtensionCallSettingsWidget(store::Database& database, QWidget* parent = nullptr);
    ~ExtensionCallSettingsWidget() override;

    // Shows an extension's settings; `editable` false (with the reason in whyNot) disables every field
    // and puts the reason in their tooltips. Unsaved edits of the previous extension are dropped.
    void setExtension(qint64 profileId, const QString& extensionId, bool editable, const QString& whyNot);
    // Re-reads the current extension's documents (after the details were fetched), dropping unsaved edits.
    void reload();

    bool hasUnsavedEdits() const;
    // Enqueues (or updates the not yet applied) pending change of each edited document. False with the
    // first problem in *error when a field is invalid or the store refuses; nothing is staged then.
    bool stageChanges(QString* error);

    // The messages shown beside invalid fields right now, in form order ("" free).
    QStringList validationErrors() const;

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    // Fills the fields from m_baseline.
    void showBaseline();
    // After the store refused an edit: shows what the store holds now, with the fields the admin changed
    // still holding what they typed.
    void reloadKeepingEdits();
    // The admin's inputs, and what each holds now (in the same order).
    QList<QWidget*> inputs() const;
    QVariantList fieldValues() const;
    void fillActionCombo(const QString& action);
    void fillAfterHoursActionCombo(const QString& action);
    void fillTransferCombo(QComboBox* combo, const QString& extensionId);
    // The read-only parts: the after-hours rule's note, the custom rules and every rule's greetings.
    void showRules();
    // How the rules and the transfer lists name an extension: "108 Sales queue (IVR menu)", or by its id
    // when it is not in the store.
    QString extensionName(const QString& extensionId) const;
    void fillCallerIdCombo(const QJsonObject& callerIdInfo);
    void updateState();
    void updateActionFields();
    void validate();
    void userEdited();
    QJsonObject editedDocument(const QString& kind) const;
    QStringList editedKinds() const;
    // The E.164 number typed into `edit`, or the document's own value while the text is as loaded.
    QString forwardToValue(const QString& kind, const QLineEdit* edit, const QString& loaded) const;
    QString forwardToError(const QString& action, const QLineEdit* edit, const QString& loaded) const;
    bool haveAfterHoursRule() const;
    QStringList emailAddresses() const;

    std::unique_ptr<Ui::ExtensionCallSettingsWidget> m_ui;
    store::Database& m_database;
    qint64 m_profileId = 0;
    QString m_extensionId;
    bool m_editable = false;
    QString m_whyNot;
    QHash<QString, QJsonObject> m_stored;   // kind -> the document as fetched
    QHash<QString, QJsonObject> m_baseline; // kind -> what the form started from (stored + staged)
    // kind -> the not yet applied change of that document, as the form shows it
    QHash<QString, changes::ShownStagedChange> m_staged;
    QString m_loadedForwardTo;           // the forward-to text as loaded (unchanged = keep the value)
    QString m_loadedAfterHoursForwardTo; // the same for the after-hours rule
    bool m_loading = false;
};

} // namespace trunkline::gui
