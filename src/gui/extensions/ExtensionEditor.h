#pragma once

#include "changes/StagingResult.h"
#include "core/Extension.h"
#include "core/RuleViolation.h"
#include "gui/GuiForward.h"

#include <QHash>
#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class ExtensionEditor;
}

namespace trunkline::gui {

class ExtensionCallSettingsWidget;
class ForwardingEditor;

// The settings form of one extension (Designer form ui/ExtensionEditor.ui): General (name, number,
// status, time zone), Contact, the forwarding / call-flip list (ForwardingEditor) and Call settings
// (ExtensionCallSettingsWidget: call handling in and after business hours, custom rules and greetings,
// voicemail, notifications, outbound caller ID). Every field is checked as the admin types with the
// message beside it (ExtensionValidator); Save stages the edits as
// pending changes (an extension update carrying only the changed members; the forwarding list's
// per-entry changes) and Revert forgets them. An update staged earlier and not applied yet is shown and
// edited further: saving again replaces its payload instead of queueing a second change.
class ExtensionEditor : public QWidget {
    Q_OBJECT

public:
    explicit ExtensionEditor(store::Database& database, QWidget* parent = nullptr);
    ~ExtensionEditor() override;

    // Loads the stored extension (false when it is not stored) and the permissions of the profile's
    // signed-in user for it.
    bool setExtension(qint64 profileId, const QString& extensionId);
    void clear();
    qint64 profileId() const { return m_profileId; }
    QString extensionId() const { return m_stored ? m_stored->id : QString(); }
    std::optional<core::Extension> storedExtension() const { return m_stored; }
    // What the form holds now, and what it started from (the stored record with a staged update applied).
    core::Extension editedExtension() const;
    core::Extension baseline() const { return m_baseline; }

    bool hasUnsavedEdits() const;
    // The rules the form's values break right now (the forwarding list's included, fields prefixed
    // with "/forwarding").
    core::RuleViolations violations() const;
    ForwardingEditor* forwardingEditor() const { return m_forwarding; }
    ExtensionCallSettingsWidget* callSettings() const { return m_callSettings; }

    // A sentence under the form (what was staged, or why not).
    void showMessage(const QString& message);

public slots:
    // Stages the edits; false with *error (a broken rule, nothing to save, or the store refused).
    bool save(QString* error = nullptr);
    void revert();

signals:
    void modifiedChanged(bool modified);
    // After a successful save, with a sentence for the status bar.
    void saved(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillCombos();
    void fillTimeZones(qint64 profileId);
    // The stored record with the open staged update applied (m_baseline), and that update's id and
    // revision.
    void readStagedChanges();
    // After the store refused the extension's edit: shows what is staged now, with the fields the admin
    // changed still holding what they typed.
    void reloadKeepingEdits();
    void showFields(const core::Extension& extension);
    void showBaseline();
    // Reloads the form when what is staged for its extension changed elsewhere (an undo, another page).
    void stagedChangeChanged(qint64 profileId, const QString& entity, const QString& entityKey);
    void applyPermissions();
    void fieldEdited();
    void updateMessages();
    void updateState();
    QHash<QString, QString> numbersInUse(const QString& number) const;
    QHash<QString, QLabel*> errorLabels() const;

    std::unique_ptr<Ui::ExtensionEditor> m_ui;
    store::Database& m_database;
    ForwardingEditor* m_forwarding = nullptr;
    ExtensionCallSettingsWidget* m_callSettings = nullptr;
    qint64 m_profileId = 0;
    std::optional<core::Extension> m_stored;
    QStringList m_providerTimeZones; // the profile's provider's list; empty = the zones Qt knows
    QString m_storedVersion;
    core::Extension m_baseline;
    changes::ShownStagedChange m_stagedUpdate; // a pending update of this extension, not applied yet
    bool m_stagedDelete = false;
    bool m_canEdit = false;
    bool m_canEditAdministrative = false;
    QString m_whyNot;
    QString m_whyNotAdministrative;
    bool m_loading = false;
    bool m_saving = false;       // its own staging signals no reload
    bool m_reloadQueued = false; // one reload per burst of changed rows
    bool m_wasModified = false;
};

} // namespace trunkline::gui
