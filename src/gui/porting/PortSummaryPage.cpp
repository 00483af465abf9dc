#include "gui/porting/PortSummaryPage.h"

#include "connection/ConnectionFactory.h"
#include "core/PortingRules.h"
#include "gui/extensions/FormMessages.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/RouteNumberPage.h"
#include "net/ApiError.h"
#include "providers/ProviderCapabilities.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

QString rangeText(const core::NumberRange& range) {
    return u"%1–%2"_s.arg(range.startAt).arg(range.endAt);
}

// What the admin calls the field a provider's error names (its JSON pointer); the pointer itself when
// it is none of the wizard's.
QString fieldName(const QString& pointer) {
    const QList<std::pair<QString, const char*>> names = {
        {u"/phone_numbers"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Route number")},
        {u"/porting_phone_number_id"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Route number")},
        {u"/end_user/admin/entity_name"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "End user")},
        {u"/end_user/admin/auth_person_name"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Authorised person")},
        {u"/end_user/location"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Service address")},
        {u"/activation_settings"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Requested porting date")},
        {u"/extension_range"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Extension block")},
        {u"/activation_ranges"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Active ranges")},
        {u"/documents"_s,
         QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Documents (LOA and invoice)")},
        // An upload the provider refused (POST /documents names the file's members).
        {u"/file"_s, QT_TRANSLATE_NOOP("trunkline::gui::PortSummaryPage", "Documents (LOA and invoice)")}};
    for (const auto& [prefix, name] : names) {
        if (pointer.startsWith(prefix))
            return QCoreApplication::translate("trunkline::gui::PortSummaryPage", name);
    }
    return pointer;
}

} // namespace

PortSummaryPage::PortSummaryPage(const RouteNumberPage& route, const OrderDetailsPage& details,
                                 const ExtensionsStep& extensions, QWidget* parent)
    : QWizardPage(parent)
    , m_route(route)
    , m_details(details)
    , m_extensions(extensions) {
    setObjectName(u"portSummaryPage"_s);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(u"summaryText"_s);
    m_summary->setReadOnly(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"summaryStatus"_s);
    m_status->setWordWrap(true);
    m_note = new QLabel(this);
    m_note->setObjectName(u"summaryNote"_s);
    m_note->setWordWrap(true);
    m_note->setMargin(6);
    form::makeBanner(m_note, form::Banner::Info);
    m_create = new QPushButton(this);
    m_create->setObjectName(u"createOrderButton"_s);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(u"submitOrderButton"_s);
    m_result = new QLabel(this);
    m_result->setObjectName(u"orderResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_submit);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    connect(m_create, &QPushButton::clicked, this, &PortSummaryPage::createOrder);
    connect(m_submit, &QPushButton::clicked, this, &PortSummaryPage::submitOrder);
    retranslate();
    updateButtons();
}

PortSummaryPage::~PortSummaryPage() = default;

void PortSummaryPage::setConnection(connection::ConnectionFactory* factory,
                                    std::optional<store::Profile> profile) {
    m_factory = factory;
    m_profile = std::move(profile);
    retranslate();
    updateButtons();
}

void PortSummaryPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        initializePage();
    }
    QWizardPage::changeEvent(event);
}

void PortSummaryPage::retranslate() {
    setTitle(tr("Summary"));
    setSubTitle(tr("Everything the port order will carry. Go back to change anything."));
    m_note->setText(
        m_factory && m_profile
            ? tr("“Create draft order” uploads the LOA and the invoice, creates the order at %1 with the "
                 "route number only, adds these details and attaches the extensions; it stays a draft until "
                 "you submit it.")
                  .arg(m_profile->name)
            : tr("There is no connection to a provider here, so the order is only checked. "
                 "“Keep as draft” keeps it on this computer, to be continued later from the Port "
                 "orders page."));
    m_create->setText(tr("&Create draft order"));
    m_submit->setText(tr("S&ubmit order"));
}

void PortSummaryPage::updateButtons() {
    const bool connected = m_factory && m_profile;
    m_create->setVisible(connected);
    m_submit->setVisible(connected);
    m_create->setEnabled(connected && !m_busy && m_orderId.isEmpty() && isComplete());
    m_submit->setEnabled(connected && !m_busy && !m_orderId.isEmpty() && m_placement && !m_submitted);
}

std::optional<providers::PortOrderRequest> PortSummaryPage::request(QString* error) const {
    return providers::PortOrderRequest::of(m_route.routeE164(), m_details.details(), m_extensions.block(),
                                           m_extensions.ranges(), error);
}

void PortSummaryPage::createOrder() {
    if (!m_factory || !m_profile || !isComplete() || m_busy || !m_orderId.isEmpty())
        return;
    // Read now: a document moved or changed since it was chosen stops here, before anything is sent.
    QString unreadable;
    const std::optional<providers::PortOrderRequest> wanted = request(&unreadable);
    if (!wanted) {
        showResult(tr("The order was not created.") + u'\n' + unreadable, std::nullopt);
        return;
    }
    m_busy = true;
    updateButtons();
    m_result->setText(tr("Uploading the documents and creating the order…"));
    m_factory->open(*m_profile, [this, wanted](std::optional<connection::Connection> connection,
                                               const QString& error) {
        if (!connection || !connection->provider || !connection->provider->adapter) {
            m_busy = false;
            showResult(error.isEmpty() ? tr("The profile cannot be connected.") : error, std::nullopt);
            return;
        }
        m_connection = std::make_unique<connection::Connection>(std::move(*connection));
        m_placement = m_connection->provider->adapter->portOrders(m_connection->client.get());
        if (!m_placement) {
            m_busy = false;
            showResult(tr("%1 takes no port orders.").arg(m_connection->provider->displayName), std::nullopt);
            return;
        }
        m_placement->createDraft(*wanted, [this](const providers::Outcome<core::PortingOrder>& outcome) {
            m_busy = false;
            if (outcome.value)
                m_orderId = outcome.value->id;
            if (outcome.error) {
                showResult(
                    m_orderId.isEmpty()
                        ? tr("The order was not created.")
                        : tr("Draft order %1 was created, but the rest did not go through.").arg(m_orderId),
                    outcome.error);
            } else {
                showResult(tr("Draft order %1 created with the extensions attached.").arg(m_orderId),
                           std::nullopt);
            }
            if (!m_orderId.isEmpty())
                emit orderCreated(m_orderId);
        });
    });
}

void PortSummaryPage::submitOrder() {
    if (!m_placement || m_orderId.isEmpty() || m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_placement->submit(m_orderId, [this](const providers::Outcome<core::PortingOrder>& outcome) {
        m_busy = false;
        m_submitted = outcome.ok();
        showResult(outcome.ok() ? tr("Order %1 submitted; its status is now %2.")
                                      .arg(m_orderId, core::displayName(outcome.value->status))
                                : tr("Order %1 was not submitted.").arg(m_orderId),
                   outcome.error);
    });
}

// The outcome in words; a refusal names the field it concerns, so the admin knows which page to go
// back to (everything typed is still there).
void PortSummaryPage::showResult(const QString& text, const std::optional<net::ApiError>& error) {
    QString shown = text;
    if (error) {
        shown +=
            u'\n' + (error->field.isEmpty() ? error->message()
                                            : tr("%1: %2").arg(fieldName(error->field), error->message()));
    }
    m_result->setText(shown);
    updateButtons();
}

QString PortSummaryPage::summaryText() const {
    const core::OrderDetails details = m_details.details();
    const core::NumberRange block = m_extensions.block();
    QStringList active;
    int activeCount = 0;
    for (const core::NumberRange& range : m_extensions.ranges()) {
        active << rangeText(range);
        activeCount += range.size();
    }
    const QStringList numbers = core::expandExtensionRange(m_route.routeE164(), block);
    const QStringList lines = {
        tr("Route number: %1 (the order is created with this number only)").arg(m_route.routeE164()),
        tr("End user: %1").arg(details.entityName),
        tr("Authorised person: %1").arg(details.authPersonName),
        tr("Service address: %1, %2 %3, Germany")
            .arg(details.streetAddress, details.postalCode, details.locality),
        tr("Requested porting date: %1").arg(QLocale().toString(details.requestedDate, QLocale::LongFormat)),
        tr("Your reference: %1")
            .arg(details.customerReference.isEmpty() ? tr("none") : details.customerReference),
        tr("Documents uploaded with the order: %1 (LOA), %2 (invoice)")
            .arg(QFileInfo(details.loaPath).fileName(), QFileInfo(details.invoicePath).fileName()),
        QString(),
        tr("Extension range: %1 (%2 to %3)")
            .arg(rangeText(block), numbers.value(0), numbers.value(numbers.size() - 1)),
        tr("Activation ranges: %1").arg(active.join(u", "_s)),
        tr("%1 numbers port with the route number: %2 active, %3 inactive.")
            .arg(block.size())
            .arg(activeCount)
            .arg(block.size() - activeCount)};
    return lines.join(u'\n');
}

void PortSummaryPage::initializePage() {
    m_summary->setPlainText(summaryText());
    QStringList problems;
    for (const core::RuleViolation& violation : m_extensions.problems() + m_details.problems())
        problems << violation.message;
    if (m_route.routeE164().isEmpty())
        problems.prepend(tr("The route number is missing or not a German number."));
    m_status->setText(problems.isEmpty() ? tr("Every porting rule is met.") : problems.join(u'\n'));
    updateButtons();
    emit completeChanged();
}

bool PortSummaryPage::isComplete() const {
    return !m_route.routeE164().isEmpty() && m_details.isComplete() && m_extensions.isComplete();
}

} // namespace trunkline::gui
