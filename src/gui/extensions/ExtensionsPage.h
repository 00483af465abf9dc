#pragma once

#include "gui/GuiForward.h"

#include <QMessageBox>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class ExtensionsPage;
}

namespace trunkline::gui {

class ExtensionCreateDialog;
class ExtensionEditor;

// The Extensions page: every extension of every profile in a lazily loaded table with type, status
// and free-text filters (applied as the admin types), and beside it the settings form of the current
// extension (ExtensionEditor). Create (Ctrl+N) and delete (Del in the list) stage pending changes;
// actions the profile's signed-in user may not take are disabled with the reason as tooltip. Switching
// to another extension with unsaved edits asks first.
class ExtensionsPage : public QWidget {
    Q_OBJECT

public:
    explicit ExtensionsPage(store::Database& database, QWidget* parent = nullptr);
    ~ExtensionsPage() override;

    models::ExtensionsModel* model() const { return m_model; }
    ExtensionEditor* editor() const { return m_editor; }

    // How the page asks the admin; tests replace them so no modal dialog blocks.
    using UnsavedPrompt = std::function<QMessageBox::StandardButton(const QString& text)>;
    using ConfirmPrompt = std::function<bool(const QString& title, const QString& text)>;
    using CreateDialogRunner = std::function<bool(ExtensionCreateDialog& dialog)>;
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirmPrompt = std::move(prompt); }
    void setCreateDialogRunner(CreateDialogRunner runner) { m_createRunner = std::move(runner); }

    // Selects the row of an extension among the rows read so far; false when it is not there.
    bool selectExtension(qint64 profileId, const QString& extensionId);
    QString lastMessage() const { return m_lastMessage; }

    QAction* newAction() const { return m_newAction; }
    QAction* deleteAction() const { return m_deleteAction; }
    QAction* saveAction() const { return m_saveAction; }

    static constexpr int kFilterDelayMs = 250;

public slots:
    // The profile switcher's choice: one profile's extensions, or every profile's (nullopt).
    void setProfile(std::optional<qint64> profileId);
    void refresh();
    void focusFilter();
    void createExtension();
    void deleteExtension();
    void save();

signals:
    // A sentence for the status bar after staging a change.
    void statusMessage(const QString& message);
    // The admin opened an extension's form: a good moment to fetch its details and settings first
    // (sync::SyncEngine::requestNow); call refresh() when they are stored.
    void extensionOpened(qint64 profileId, const QString& extensionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillCombos();
    void applyFilter();
    void updateCount();
    void updateActions();
    void updateProviderNote();
    void currentRowChanged(const QModelIndex& current, const QModelIndex& previous);
    bool confirmLeavingEdits();
    void showMessage(const QString& message);
    void saveState() const;

    std::unique_ptr<Ui::ExtensionsPage> m_ui;
    store::Database& m_database;
    models::ExtensionsModel* m_model = nullptr;
    ExtensionEditor* m_editor = nullptr;
    QTimer* m_filterDelay = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_saveAction = nullptr;
    UnsavedPrompt m_unsavedPrompt;
    ConfirmPrompt m_confirmPrompt;
    CreateDialogRunner m_createRunner;
    QString m_lastMessage;
    bool m_restoringRow = false;
};

} // namespace trunkline::gui
