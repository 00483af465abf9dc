#pragma once

#include "gui/GuiForward.h"

#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class AuditLogPage;
}

namespace trunkline::gui {

// The Audit log page: every pull and every applied change, newest first, for all profiles or one.
class AuditLogPage : public QWidget {
    Q_OBJECT

public:
    explicit AuditLogPage(store::Database& database, QWidget* parent = nullptr);
    ~AuditLogPage() override;

    models::AuditLogModel* model() const { return m_model; }

public slots:
    void refresh();
    void setProfile(std::optional<qint64> profileId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCount();

    std::unique_ptr<Ui::AuditLogPage> m_ui;
    models::AuditLogModel* m_model;
    std::optional<qint64> m_profileId;
};

} // namespace trunkline::gui
