#pragma once

#include "core/RouteMatcher.h"
#include "gui/GuiForward.h"
#include "store/Profile.h"

#include <QWidget>
#include <memory>
#include <optional>

class QShowEvent;
class QTreeWidgetItem;

namespace Ui {
class RoutingPage;
}

namespace trunkline::gui {

class RoutesModel;

// The Routing page of a profile whose provider routes incoming calls by number patterns (the provider
// table's regexRoutes): its incoming numbers and regex routes from the local copy, with staged edits; a
// tester that shows, for each dialed string, which entry takes the call and why (core::RouteMatcher, the
// server's own rules); and the linter's findings (core::RouteLinter). Edit opens the number's dialog and
// stages the change like the Numbers page does; Add
// stages a new SIP number or pattern through the Numbers page's Add dialog, and the tester and linter
// judge the routes with the staged edits and additions. Any other profile gets one sentence saying why there
// is nothing to show.
class RoutingPage : public QWidget {
    Q_OBJECT

public:
    explicit RoutingPage(store::Database& database, QWidget* parent = nullptr);
    ~RoutingPage() override;

    RoutesModel* model() const { return m_model; }

    // Opens provider connections for the Add dialog; without one, Add is disabled.
    void setConnectionFactory(connection::ConnectionFactory* factory);

    // What the admin typed, split into dialed strings at commas, white space and new lines.
    static QStringList dialedStrings(const QString& text);

public slots:
    // The profile switcher's choice; nullopt (every profile) shows no routes.
    void setProfile(std::optional<qint64> profileId);
    // Re-reads the store (after a sync or a staged edit); a hidden page does it when it is shown.
    void refresh();
    void focusTester();
    // Stages a new SIP number or pattern through the Numbers page's Add dialog.
    void addRoute();
    // Stages a migration of an account tree's numbers to another organisation (MigrateNumbersDialog).
    void migrateNumbers();
    void editRoute();

signals:
    // An edit was staged as a pending change (the Pending changes page may refresh).
    void changesStaged();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void reload();
    void showMessage(const QString& message);
    void updateActions();
    void runTester();
    void lint();
    void highlightWinnerOf(const QTreeWidgetItem* item);
    void updateCount();
    void restoreState();
    void saveState() const;
    void retranslate();

    std::unique_ptr<Ui::RoutingPage> m_ui;
    store::Database& m_database;
    RoutesModel* m_model = nullptr;
    std::optional<qint64> m_profileId;
    std::optional<store::Profile> m_routingProfile; // the chosen profile, when its provider has regex routes
    bool m_stale = false;                           // the store changed while the page was hidden
    QAction* m_testAction = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_migrateAction = nullptr;
    connection::ConnectionFactory* m_connectionFactory = nullptr;
};

} // namespace trunkline::gui
