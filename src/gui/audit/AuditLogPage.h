#pragma once

#include "gui/GuiForward.h"
#include "store/AuditLogRepository.h"

#include <QWidget>
#include <memory>
#include <optional>

class QTimer;

namespace Ui {
class AuditLogPage;
}

namespace trunkline::gui {

// The Audit log page: every pull and every applied change, newest first, narrowed by profile, record (its
// kind and a part of its id), a text (record, summary, who, where) and a period (a recent one, or from one
// day to another); Export CSV writes what it shows.
class AuditLogPage : public QWidget {
    Q_OBJECT

public:
    explicit AuditLogPage(store::Database& database, QWidget* parent = nullptr);
    ~AuditLogPage() override;

    models::AuditLogModel* model() const { return m_model; }

    // The periods the page offers, in the combo's order; Between is the From and To days.
    enum class Period { AllTime, Last24Hours, Last7Days, Last30Days, Between };
    Q_ENUM(Period)

public slots:
    void refresh();
    // Shows the profile's entries (the window's current profile); nullopt: all profiles.
    void setProfile(std::optional<qint64> profileId);
    void focusFilter();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCount();
    void fillPeriods();
    void fillProfiles();
    void fillRecordKinds();
    void periodChanged();
    // True when the From and To days are the period and From lies after To.
    bool rangeIsBackwards() const;
    store::AuditFilter filter() const;

    std::unique_ptr<Ui::AuditLogPage> m_ui;
    store::Database& m_database;
    models::AuditLogModel* m_model;
    QTimer* m_filterDelay = nullptr;
};

} // namespace trunkline::gui
