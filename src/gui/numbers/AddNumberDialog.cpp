#include "gui/numbers/AddNumberDialog.h"

#include "changes/NumberChangePayloads.h"
#include "connection/ConnectionFactory.h"
#include "core/PhoneNumber.h"
#include "gui/Retranslate.h"
#include "gui/TextStyle.h"
#include "gui/extensions/FormMessages.h"
#include "providers/ProviderCapabilities.h"
#include "ui_AddNumberDialog.h"

#include <QEvent>
#include <QListWidgetItem>
#include <QPushButton>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

constexpr int kFriendlyNameMaxLength =
    64; // Restcomm's friendly_name column (docs/api/restcomm-numbers.md §5.8)
constexpr int kPhoneNumberRole = Qt::UserRole + 1;

void showMessage(QLabel* label, const QStringList& messages) {
    form::showMessages(label, messages);
    label->setVisible(!messages.isEmpty());
}

} // namespace

AddNumberDialog::AddNumberDialog(connection::ConnectionFactory& factory, store::Profile profile,
                                 QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddNumberDialog>())
    , m_factory(factory)
    , m_profile(std::move(profile)) {
    m_ui->setupUi(this);
    setObjectName(u"addNumberDialog"_s);
    text::makeHeading(m_ui->headingLabel, text::kFormTitleScale);
    form::makeErrorLabel(m_ui->criteriaMessage);
    form::makeErrorLabel(m_ui->friendlyNameMessage);
    form::makeBanner(m_ui->errorBanner, form::Banner::Warning);
    form::showBanner(m_ui->errorBanner, {});
    text::makeSecondary({m_ui->noteLabel, m_ui->statusLabel});
    m_ui->searchProgress->hide();
    m_ui->cancelSearchButton->hide();

    for (const char16_t* prefix : {u"800", u"888", u"877", u"866", u"855"})
        m_ui->tollFreeCombo->addItem(QString::fromUtf16(prefix));
    // Restcomm's AvailableCountries names the provider's; without a connection a few common ones are
    // offered and any other ISO code can be typed.
    for (const char16_t* country : {u"US", u"CA", u"GB", u"DE", u"FR", u"ES", u"IT", u"NL", u"AU", u"BR"})
        m_ui->countryCombo->addItem(QString::fromUtf16(country));
    m_ui->countryCombo->setCurrentIndex(1);

    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &AddNumberDialog::updateKind);
    for (QLineEdit* edit :
         {m_ui->areaCodeEdit, m_ui->vanityEdit, m_ui->sipNumberEdit, m_ui->friendlyNameEdit})
        connect(edit, &QLineEdit::textChanged, this, &AddNumberDialog::validate);
    connect(m_ui->countryCombo, &QComboBox::editTextChanged, this, &AddNumberDialog::validate);
    connect(m_ui->areaCodeEdit, &QLineEdit::returnPressed, this, &AddNumberDialog::search);
    connect(m_ui->vanityEdit, &QLineEdit::returnPressed, this, &AddNumberDialog::search);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &AddNumberDialog::search);
    connect(m_ui->cancelSearchButton, &QPushButton::clicked, this, &AddNumberDialog::cancelSearch);
    connect(m_ui->resultsList, &QListWidget::currentRowChanged, this, &AddNumberDialog::validate);
    connect(m_ui->resultsList, &QListWidget::itemDoubleClicked, this, [this] {
        if (m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in a criteria field searches; it must not accept the dialog.
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_ui->searchButton->setDefault(true);

    retranslate();
    updateKind();
}

AddNumberDialog::~AddNumberDialog() {
    ++m_generation;
    dropConnection();
}

void AddNumberDialog::retranslate() {
    const int kind = qMax(0, m_ui->kindCombo->currentIndex());
    const QSignalBlocker blocker(m_ui->kindCombo);
    m_ui->kindCombo->clear();
    m_ui->kindCombo->addItem(tr("U.S. local number, by area code"), QVariant::fromValue(Kind::UsLocal));
    m_ui->kindCombo->addItem(tr("Global number, by country"), QVariant::fromValue(Kind::Global));
    m_ui->kindCombo->addItem(tr("Toll-free number, by prefix"), QVariant::fromValue(Kind::TollFree));
    m_ui->kindCombo->addItem(tr("Vanity toll-free number, by pattern"), QVariant::fromValue(Kind::Vanity));
    m_ui->kindCombo->addItem(tr("SIP virtual number"), QVariant::fromValue(Kind::SipVirtual));
    m_ui->kindCombo->setCurrentIndex(kind);
    m_ui->headingLabel->setText(tr("Add a number to %1").arg(m_profile.name));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Stage number"));
}

void AddNumberDialog::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] {
        retranslate();
        updateKind();
    });
    QDialog::changeEvent(event);
}

void AddNumberDialog::setKind(Kind kind) {
    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(QVariant::fromValue(kind)));
}

AddNumberDialog::Kind AddNumberDialog::kind() const {
    return m_ui->kindCombo->currentData().value<Kind>();
}

void AddNumberDialog::updateKind() {
    cancelSearch();
    m_ui->resultsList->clear();
    m_ui->statusLabel->clear();
    form::showBanner(m_ui->errorBanner, {});
    const Kind k = kind();
    const bool sip = k == Kind::SipVirtual;
    // Each kind's search criteria: their page of the stack and its title.
    struct Criteria {
        Kind kind;
        QWidget* page;
        QString title;
    };
    const Criteria criteria[] = {
        {Kind::UsLocal, m_ui->areaCodePage, tr("Area code:")},
        {Kind::Global, m_ui->countryPage, tr("Country:")},
        {Kind::TollFree, m_ui->tollFreePage, tr("Prefix:")},
        {Kind::Vanity, m_ui->vanityPage, tr("Pattern:")},
        {Kind::SipVirtual, m_ui->sipPage, tr("SIP number:")},
    };
    for (const Criteria& row : criteria) {
        if (row.kind == k) {
            m_ui->criteriaStack->setCurrentWidget(row.page);
            m_ui->criteriaTitle->setText(row.title);
        }
    }
    m_ui->searchButton->setVisible(!sip);
    m_ui->resultsList->setVisible(!sip);
    m_ui->noteLabel->setText(
        sip ? tr("A SIP virtual number is created in Restcomm only; no carrier number is bought.")
            : tr("Numbers are searched live at the provider. The chosen number is bought when pending "
                 "changes are applied."));
    validate();
}

QString AddNumberDialog::isoCountry() const {
    return kind() == Kind::Global ? m_ui->countryCombo->currentText().trimmed().toUpper() : u"US"_s;
}

QString AddNumberDialog::numberType() const {
    switch (kind()) {
    case Kind::TollFree:
    case Kind::Vanity:
        return u"TollFree"_s;
    case Kind::SipVirtual:
        return {};
    case Kind::UsLocal:
    case Kind::Global:
        break;
    }
    // For Local, Restcomm searches a non-US country as Global (docs/api/restcomm-numbers.md §9).
    return u"Local"_s;
}

QStringList AddNumberDialog::problems() const {
    QStringList all;
    switch (kind()) {
    case Kind::UsLocal: {
        static const QRegularExpression areaCode(u"^[2-9][0-9]{2}$"_s);
        if (!areaCode.match(m_ui->areaCodeEdit->text().trimmed()).hasMatch())
            all << tr("Area code must be 3 digits and not start with 0 or 1.");
        break;
    }
    case Kind::Global: {
        static const QRegularExpression iso(u"^[A-Za-z]{2}$"_s);
        if (!iso.match(m_ui->countryCombo->currentText().trimmed()).hasMatch())
            all << tr("Country must be a two-letter ISO code such as GB.");
        break;
    }
    case Kind::TollFree:
        break;
    case Kind::Vanity: {
        static const QRegularExpression pattern(u"^[A-Za-z0-9*]+$"_s);
        const QString text = m_ui->vanityEdit->text().trimmed();
        if (text.isEmpty())
            all << tr("Pattern must not be empty.");
        else if (!pattern.match(text).hasMatch())
            all << tr("Pattern may contain only letters, digits and *.");
        else if (text.size() > 10)
            all << tr("Pattern must be at most 10 characters (a U.S. number has 10 digits).");
        break;
    }
    case Kind::SipVirtual: {
        const QString text = m_ui->sipNumberEdit->text().trimmed();
        if (text.isEmpty())
            all << tr("SIP number must not be empty.");
        else if (text.contains(QRegularExpression(u"\\s"_s)))
            all << tr("SIP number must not contain spaces.");
        else if (text.size() > 30)
            all << tr("SIP number must be at most 30 characters.");
        break;
    }
    }
    if (m_ui->friendlyNameEdit->text().trimmed().size() > kFriendlyNameMaxLength)
        all << tr("Friendly name must be at most %1 characters.").arg(kFriendlyNameMaxLength);
    return all;
}

void AddNumberDialog::validate() {
    QStringList criteria = problems();
    QStringList name;
    if (!criteria.isEmpty() && criteria.constLast().startsWith(tr("Friendly name")))
        name << criteria.takeLast();
    showMessage(m_ui->criteriaMessage, criteria);
    showMessage(m_ui->friendlyNameMessage, name);
    m_ui->searchButton->setEnabled(criteria.isEmpty() && !m_searching);
    const bool ready = problems().isEmpty() && !provisionRequest().isEmpty();
    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(ready);
    ok->setToolTip(ready                        ? QString()
                   : kind() == Kind::SipVirtual ? problems().join(u'\n')
                                                : tr("Search, then choose one of the available numbers."));
}

QJsonObject AddNumberDialog::provisionRequest() const {
    const QString friendlyName = m_ui->friendlyNameEdit->text().trimmed();
    if (kind() == Kind::SipVirtual) {
        if (!problems().isEmpty())
            return {};
        return changes::NumberChangePayloads::provisionFields(m_ui->sipNumberEdit->text().trimmed(), {},
                                                              friendlyName, true, {}, {});
    }
    // UNCONFIRMED: Restcomm answers an AreaCode-only provision with 500 (docs/api/restcomm-numbers.md §5.2,
    // inferred), so the console always provisions a number picked from the search, never "any number of an
    // area code".
    const QListWidgetItem* item = m_ui->resultsList->currentItem();
    if (!item || m_searching)
        return {};
    return changes::NumberChangePayloads::provisionFields(
        item->data(kPhoneNumberRole).toString(), {}, friendlyName, false, m_searchedType, m_searchedCountry);
}

void AddNumberDialog::search() {
    if (kind() == Kind::SipVirtual || !problems().isEmpty())
        return;
    cancelSearch();
    dropConnection(); // the last search's line; a new one is opened (the profile may have changed)
    const quint64 generation = ++m_generation;
    m_searching = true;
    m_ui->resultsList->clear();
    form::showBanner(m_ui->errorBanner, {});
    m_ui->statusLabel->setText(tr("Searching available numbers…"));
    m_ui->searchProgress->show();
    m_ui->cancelSearchButton->show();
    validate();

    const QString country = isoCountry();
    const QString type = numberType();
    QString areaCode;
    QString contains;
    if (kind() == Kind::UsLocal)
        areaCode = m_ui->areaCodeEdit->text().trimmed();
    else if (kind() == Kind::TollFree)
        areaCode = m_ui->tollFreeCombo->currentText(); // the prefix is the toll-free "area code"
    else if (kind() == Kind::Vanity)
        contains = m_ui->vanityEdit->text().trimmed().toUpper();

    QPointer<AddNumberDialog> guard(this);
    m_factory.open(m_profile, [this, guard, generation, country, type, areaCode, contains](
                                  std::optional<connection::Connection> connection, const QString& error) {
        if (!guard || generation != m_generation)
            return;
        if (!connection) {
            finishSearch(tr("Search failed."), tr("Cannot connect to %1: %2").arg(m_profile.name, error));
            return;
        }
        m_connection = std::make_unique<connection::Connection>(std::move(*connection));
        // The provider's own search (Restcomm's AvailablePhoneNumbers), through its adapter.
        if (m_connection->provider)
            m_client = m_connection->provider->adapter->numberSearch(m_connection->client.get(),
                                                                     m_connection->accountId);
        if (!m_client) {
            finishSearch(tr("Search failed."), tr("The provider gave no answer."));
            return;
        }
        m_reply = m_client->search(
            country, type, areaCode, contains,
            [this, generation, country,
             type](const providers::Outcome<QList<providers::AvailableNumber>>& outcome) {
                if (generation != m_generation)
                    return;
                if (!outcome.ok()) {
                    finishSearch(tr("Search failed."), outcome.error ? outcome.error->message()
                                                                     : tr("The provider gave no answer."));
                    return;
                }
                m_searchedCountry = country;
                m_searchedType = type;
                for (const providers::AvailableNumber& number : *outcome.value) {
                    QStringList details;
                    if (!number.region.isEmpty())
                        details << number.region;
                    QStringList capabilities;
                    if (number.voiceCapable)
                        capabilities << tr("Voice");
                    if (number.smsCapable)
                        capabilities << tr("SMS");
                    if (number.mmsCapable)
                        capabilities << tr("MMS");
                    if (number.faxCapable)
                        capabilities << tr("Fax");
                    if (!capabilities.isEmpty())
                        details << capabilities.join(u", "_s);
                    const core::ParseOutcome parsed = core::PhoneNumber::parse(number.phoneNumber);
                    const QString shown = parsed.ok() ? parsed.number->international() : number.phoneNumber;
                    auto* item = new QListWidgetItem(
                        details.isEmpty() ? shown : tr("%1   (%2)").arg(shown, details.join(u" · "_s)),
                        m_ui->resultsList);
                    item->setData(kPhoneNumberRole, number.phoneNumber);
                    item->setToolTip(number.phoneNumber);
                }
                const qsizetype found = outcome.value->size();
                finishSearch(found == 0   ? tr("No numbers are available for this search.")
                             : found == 1 ? tr("1 number available.")
                                          : tr("%1 numbers available.").arg(found),
                             {});
            });
    });
}

void AddNumberDialog::finishSearch(const QString& status, const QString& error) {
    m_searching = false;
    m_reply.clear();
    m_ui->searchProgress->hide();
    m_ui->cancelSearchButton->hide();
    m_ui->statusLabel->setText(status);
    form::showBanner(m_ui->errorBanner, error);
    validate();
    emit searchFinished();
}

void AddNumberDialog::dropConnection() {
    if (m_reply)
        m_reply->cancel();
    m_reply.clear();
    m_client.reset(); // no callback arrives after this
    m_connection.reset();
}

void AddNumberDialog::cancelSearch() {
    if (!m_searching)
        return;
    ++m_generation;
    dropConnection();
    finishSearch(tr("Search cancelled."), {});
}

} // namespace trunkline::gui
