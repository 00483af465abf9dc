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

// The Audit log page: every pull and every applied change, newest first, for all profiles or one,
// narrowed by a text (record, summary, who, where) and a period; Export CSV writes what it shows.
class AuditLogPage : public QWidget {
    Q_OBJECT

public:
    explicit AuditLogPage(store::Database& database, QWidget* parent = nullptr);
    ~AuditLogPage() override;

    models::AuditLogModel* model() const { return m_model; }

    // The periods the page offers, in the combo's order.
    enum class Period { AllTime, Last24Hours, Last7Days, Last30Days };
    Q_ENUM(Period)

public slots:
    void refresh();
    void setProfile(std::optional<qint64> profileId);
    void focusFilter();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCount();
    void fillPeriods();
    store::AuditFilter filter() const;

    std::unique_ptr<Ui::AuditLogPage> m_ui;
    models::AuditLogModel* m_model;
    std::optional<qint64> m_profileId;
    QTimer* m_filterDelay;
};

} // namespace trunkline::gui
