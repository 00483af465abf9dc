#include "gui/porting/OrderDetailsPage.h"

#include "gui/extensions/FormMessages.h"
#include "gui/porting/DraftOrderPanel.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {
const QString kDateField = u"/activation_settings/foc_datetime_requested"_s;
}

OrderDetailsPage::OrderDetailsPage(QWidget* parent)
    : Retranslating(parent) {
    setObjectName(u"orderDetailsPage"_s);
    m_layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_layout->addLayout(m_form);
    m_entity = addLine(u"entityNameEdit"_s, u"/end_user/admin/entity_name"_s);
    m_authPerson = addLine(u"authPersonEdit"_s, u"/end_user/admin/auth_person_name"_s);
    m_street = addLine(u"streetEdit"_s, u"/end_user/location/street_address"_s);
    m_postalCode = addLine(u"postalCodeEdit"_s, u"/end_user/location/postal_code"_s);
    m_postalCode->setMaxLength(5);
    m_locality = addLine(u"localityEdit"_s, u"/end_user/location/locality"_s);
    m_country = new QLabel(this);
    m_form->addRow(QString(), m_country);

    m_date = new QDateEdit(this);
    m_date->setObjectName(u"requestedDateEdit"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_date->setDate(QDate::currentDate().addDays(14)); // a common lead time for German ports
    addRow(m_date, u"requestedDateError"_s, kDateField);
    connect(m_date, &QDateEdit::dateChanged, this, [this] {
        m_touched.insert(kDateField);
        check();
    });

    m_loa = addDocument(u"loaEdit"_s, u"/documents/loa"_s);
    m_invoice = addDocument(u"invoiceEdit"_s, u"/documents/invoice"_s);

    m_reference = new QLineEdit(this);
    m_reference->setObjectName(u"customerReferenceEdit"_s);
    auto* referenceLabel = new QLabel(this);
    m_form->addRow(referenceLabel, m_reference);
    m_labelOf.insert(m_reference, referenceLabel);

    retranslate();
    check();
}

void OrderDetailsPage::setOrderPanel(DraftOrderPanel* panel) {
    m_panel = panel;
    m_layout->insertWidget(0, panel);
    connect(panel, &DraftOrderPanel::readyChanged, this, &OrderDetailsPage::completeChanged);
    emit completeChanged();
}

bool OrderDetailsPage::isComplete() const {
    return m_problems.isEmpty() && (!m_panel || m_panel->ready());
}

// A field with its rule message right under it, in one row of the form.
void OrderDetailsPage::addRow(QWidget* widget, const QString& errorName, const QString& field) {
    QLabel* error = form::newErrorLabel(this, errorName);
    error->hide();
    auto* column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(widget);
    column->addWidget(error);
    auto* label = new QLabel(this);
    m_form->addRow(label, column);
    m_labelOf.insert(widget, label);
    m_errorOf.insert(field, error);
}

QLineEdit* OrderDetailsPage::addLine(const QString& objectName, const QString& field) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    addRow(edit, objectName + u"Error"_s, field);
    connect(edit, &QLineEdit::textChanged, this, [this, field] {
        m_touched.insert(field);
        check();
    });
    return edit;
}

QLineEdit* OrderDetailsPage::addDocument(const QString& objectName, const QString& field) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    auto* browse = new QPushButton(row);
    browse->setObjectName(objectName + u"Browse"_s);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    m_browseButtons << browse;
    addRow(row, objectName + u"Error"_s, field);
    m_labelOf.insert(edit, m_labelOf.take(row));
    connect(edit, &QLineEdit::textChanged, this, [this, field] {
        m_touched.insert(field);
        check();
    });
    connect(browse, &QPushButton::clicked, this, [this, edit] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Choose the document"), edit->text(),
                                                            tr("Documents (*.pdf *.jpg *.jpeg *.png)"));
        if (!chosen.isEmpty())
            edit->setText(QDir::toNativeSeparators(chosen));
    });
    return edit;
}

void OrderDetailsPage::retranslate() {
    setTitle(tr("Order details"));
    setSubTitle(
        tr("Who holds the numbers today, where they are in service, when they should move, and the "
           "signed LOA with their latest invoice. The losing carrier compares these with its records."));
    const QList<std::pair<QWidget*, QString>> labels = {{m_entity, tr("&End user (company):")},
                                                        {m_authPerson, tr("&Authorised person:")},
                                                        {m_street, tr("&Street address:")},
                                                        {m_postalCode, tr("&Postal code:")},
                                                        {m_locality, tr("&Town or city:")},
                                                        {m_date, tr("Requested porting &date:")},
                                                        {m_loa, tr("Signed &LOA:")},
                                                        {m_invoice, tr("Latest &invoice:")},
                                                        {m_reference, tr("Your &reference (optional):")}};
    for (const auto& [widget, text] : labels) {
        if (QLabel* label = m_labelOf.value(widget)) {
            label->setText(text);
            label->setBuddy(widget);
        }
    }
    m_country->setText(tr("Country: Germany (extended numbers are ported only in Germany)"));
    m_entity->setPlaceholderText(tr("e.g. Muster GmbH"));
    m_authPerson->setPlaceholderText(tr("e.g. Erika Mustermann"));
    m_loa->setPlaceholderText(tr("The letter of authorisation the end user signed (PDF, JPEG or PNG)"));
    m_invoice->setPlaceholderText(tr("Their latest invoice from the current carrier (PDF, JPEG or PNG)"));
    for (QPushButton* browse : std::as_const(m_browseButtons))
        browse->setText(tr("Browse…"));
    check(); // the messages are translated when they are made
}

core::OrderDetails OrderDetailsPage::details() const {
    core::OrderDetails details;
    details.entityName = m_entity->text().trimmed();
    details.authPersonName = m_authPerson->text().trimmed();
    details.streetAddress = m_street->text().trimmed();
    details.postalCode = m_postalCode->text().trimmed();
    details.locality = m_locality->text().trimmed();
    details.requestedDate = m_date->date();
    details.customerReference = m_reference->text().trimmed();
    details.loaPath = QDir::fromNativeSeparators(m_loa->text().trimmed());
    details.invoicePath = QDir::fromNativeSeparators(m_invoice->text().trimmed());
    return details;
}

void OrderDetailsPage::setDetails(const core::OrderDetails& details) {
    m_entity->setText(details.entityName);
    m_authPerson->setText(details.authPersonName);
    m_street->setText(details.streetAddress);
    m_postalCode->setText(details.postalCode);
    m_locality->setText(details.locality);
    if (details.requestedDate.isValid())
        m_date->setDate(details.requestedDate);
    m_reference->setText(details.customerReference);
    m_loa->setText(QDir::toNativeSeparators(details.loaPath));
    m_invoice->setText(QDir::toNativeSeparators(details.invoicePath));
    showAllProblems();
}

void OrderDetailsPage::showAllProblems() {
    for (auto it = m_errorOf.cbegin(); it != m_errorOf.cend(); ++it)
        m_touched.insert(it.key());
    check();
}

void OrderDetailsPage::check() {
    m_problems = core::OrderDetailsRules::check(details(), QDate::currentDate());
    for (auto it = m_errorOf.cbegin(); it != m_errorOf.cend(); ++it) {
        QStringList messages;
        for (const core::RuleViolation& violation : std::as_const(m_problems)) {
            if (violation.field == it.key() && m_touched.contains(it.key()))
                messages << violation.message;
        }
        form::showMessages(it.value(), messages);
        it.value()->setVisible(!messages.isEmpty());
    }
    emit completeChanged();
}

} // namespace trunkline::gui
