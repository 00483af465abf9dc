#pragma once

#include <QWidget>
#include <memory>

class QTimer;

namespace Ui {
class ExtensionsPage;
}

namespace trunkline::store {
class Database;
}
namespace trunkline::models {
class ExtensionsModel;
}

namespace trunkline::gui {

// The Extensions page: every extension of every profile in a lazily loaded table with type, status
// and free-text filters (applied as the admin types). The settings form comes with a later change.
class ExtensionsPage : public QWidget {
    Q_OBJECT

public:
    explicit ExtensionsPage(store::Database& database, QWidget* parent = nullptr);
    ~ExtensionsPage() override;

    models::ExtensionsModel* model() const { return m_model; }

    static constexpr int kFilterDelayMs = 250;

public slots:
    void refresh();
    void focusFilter();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillCombos();
    void applyFilter();
    void updateCount();
    void saveState() const;

    std::unique_ptr<Ui::ExtensionsPage> m_ui;
    models::ExtensionsModel* m_model = nullptr;
    QTimer* m_filterDelay = nullptr;
};

} // namespace trunkline::gui
