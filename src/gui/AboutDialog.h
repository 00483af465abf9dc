#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace trunkline::gui {

// Help > About Trunkline: version, licence, the Qt version built against and running, and credit
// for the libraries the user's data passes through.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace trunkline::gui
