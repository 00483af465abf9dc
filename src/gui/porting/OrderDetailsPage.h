#pragma once

#include "core/PortOrderDetails.h"
#include "gui/GuiForward.h"
#include "gui/Retranslate.h"

#include <QHash>
#include <QSet>
#include <QWizardPage>

class QDateEdit;
class QFormLayout;
class QVBoxLayout;

namespace trunkline::gui {

class DraftOrderPanel;

// What the order needs besides its numbers (OrderDetails), each field checked as it is typed with the
// message under it, below the draft order it is for. The page is complete when every field is right
// and the draft exists.
class OrderDetailsPage : public Retranslating<QWizardPage> {
    Q_OBJECT

public:
    explicit OrderDetailsPage(QWidget* parent = nullptr);

    core::OrderDetails details() const;
    void setDetails(const core::OrderDetails& details);
    core::RuleViolations problems() const { return m_problems; }

    // Fields show their message once they have been edited; this shows every field's.
    void showAllProblems();

    // The draft order at the provider, shown above the fields; the page then waits for it to exist.
    void setOrderPanel(DraftOrderPanel* panel);

    bool isComplete() const override;

private:
    QLineEdit* addLine(const QString& objectName, const QString& field);
    // A file path with a Browse… button beside it.
    QLineEdit* addDocument(const QString& objectName, const QString& field);
    void addRow(QWidget* widget, const QString& errorName, const QString& field);
    void retranslate() override;
    void check();

    QVBoxLayout* m_layout = nullptr;
    QFormLayout* m_form = nullptr;
    DraftOrderPanel* m_panel = nullptr;
    QLineEdit* m_entity = nullptr;
    QLineEdit* m_authPerson = nullptr;
    QLineEdit* m_street = nullptr;
    QLineEdit* m_postalCode = nullptr;
    QLineEdit* m_locality = nullptr;
    QLabel* m_country = nullptr;
    QDateEdit* m_date = nullptr;
    QLineEdit* m_reference = nullptr;
    QLineEdit* m_loa = nullptr;
    QLineEdit* m_invoice = nullptr;
    QList<QPushButton*> m_browseButtons;
    QHash<QString, QLabel*> m_errorOf; // by JSON pointer of the field
    QHash<QWidget*, QLabel*> m_labelOf;
    QSet<QString> m_touched;
    core::RuleViolations m_problems;
};

} // namespace trunkline::gui
