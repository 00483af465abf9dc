#pragma once

#include "gui/GuiForward.h"

#include <QFrame>

class QLabel;

namespace trunkline::gui {

// The account at a glance, as a small popup under the toolbar's account line: service plan, billing plan,
// the features the plan includes (and those it does not), the business address and the operator.
class AccountDetailsPanel : public QFrame {
    Q_OBJECT

public:
    explicit AccountDetailsPanel(QWidget* parent = nullptr);

    void showAccount(const core::Account& account);

    // The panel's text as rich text; the account line's tooltip shows the same.
    static QString html(const core::Account& account);
    // "CallerIdControl" -> "Caller ID control": the service-info feature names, readable.
    static QString featureText(const QString& featureName);

private:
    QLabel* m_text;
};

} // namespace trunkline::gui
