#include "gui/numbers/AddNumberDialog.h"

#include "changes/NumberChangePayloads.h"
#include "connection/ConnectionFactory.h"
#include "core/PhoneNumber.h"
#include "core/VanityNumber.h"
#include "gui/Retranslate.h"
#include "gui/TextStyle.h"
#include "gui/extensions/FormMessages.h"
#include "providers/ProviderCapabilities.h"
#include "providers/ProviderRegistry.h"
#include "ui_AddNumberDialog.h"

#include <QEvent>
#include <QListWidgetItem>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

constexpr int kFriendlyNameMaxLength =
    64; // Restcomm's friendly_name column (docs/api/restcomm-numbers.md §5.8)
constexpr int kPhoneNumberRole = Qt::UserRole + 1;
const QString kLastProfileKey = u"addNumber/lastProfile"_s; // QSettings: the account chosen last time

AddNumberDialog::Kind dialogKind(providers::AddNumberKind kind) {
    switch (kind) {
    case providers::AddNumberKind::UsLocal:
        return AddNumberDialog::Kind::UsLocal;
    case providers::AddNumberKind::Global:
        return AddNumberDialog::Kind::Global;
    case providers::AddNumberKind::TollFree:
        return AddNumberDialog::Kind::TollFree;
    case providers::AddNumberKind::Vanity:
        return AddNumberDialog::Kind::Vanity;
    case providers::AddNumberKind::SipVirtual:
        break;
    }
    return AddNumberDialog::Kind::SipVirtual;
}

void showMessage(QLabel* label, const QStringList& messages) {
    form::showMessages(label, messages);
    label->setVisible(!messages.isEmpty());
}

} // namespace

AddNumberDialog::AddNumberDialog(connection::ConnectionFactory& factory, const store::Profile& profile,
                                 QWidget* parent)
    : AddNumberDialog(factory, QList<store::Profile>{profile}, parent) {
}

AddNumberDialog::AddNumberDialog(connection::ConnectionFactory& factory, QList<store::Profile> profiles,
                                 QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddNumberDialog>())
    , m_factory(factory)
    , m_profiles(std::move(profiles)) {
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

    form::makeBanner(m_ui->elsewhereLabel, form::Banner::Info);
    m_ui->tollFreeCombo->addItems(core::VanityNumber::tollFreePrefixes());
    for (const store::Profile& p : m_profiles)
        m_ui->profileCombo->addItem(
            // The provider is named unless the profile's name says it already.
            p.name.contains(providers::providerDisplayName(p.provider), Qt::CaseInsensitive)
                ? p.name
                : tr("%1 (%2)").arg(p.name, providers::providerDisplayName(p.provider)),
            p.id);
    // Restcomm's AvailableCountries names the provider's; without a connection a few common ones are
    // offered and any other ISO code can be typed.
    for (const char16_t* country : {u"US", u"CA", u"GB", u"DE", u"FR", u"ES", u"IT", u"NL", u"AU", u"BR"})
        m_ui->countryCombo->addItem(QString::fromUtf16(country));
    m_ui->countryCombo->setCurrentIndex(1);

    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, &AddNumberDialog::updateProfile);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &AddNumberDialog::updateKind);
    connect(m_ui->portInButton, &QPushButton::clicked, this, [this] {
        emit portInRequested();
        reject();
    });
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
    updateProfile();
}

AddNumberDialog::~AddNumberDialog() {
    ++m_generation;
    dropConnection();
}

void AddNumberDialog::retranslate() {
    // The kinds the account's provider sells, in the seed's order.
    const QVariant current = m_ui->kindCombo->currentData();
    const QSignalBlocker blocker(m_ui->kindCombo);
    m_ui->kindCombo->clear();
    const QList<providers::AddNumberKind> kinds =
        m_provider ? m_provider->addNumberKinds : QList<providers::AddNumberKind>();
    const QString names[] = {tr("U.S. local number, by area code"), tr("Global number, by country"),
                             tr("Toll-free number, by prefix"), tr("Vanity toll-free number, by pattern"),
                             tr("SIP virtual number")};
    for (const providers::AddNumberKind kind : kinds) {
        const Kind shown = dialogKind(kind);
        m_ui->kindCombo->addItem(names[static_cast<int>(shown)], QVariant::fromValue(shown));
    }
    m_ui->kindCombo->setCurrentIndex(qMax(0, m_ui->kindCombo->findData(current)));
    m_ui->headingLabel->setText(tr("Add a number to %1").arg(m_profile.name));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Stage number"));
    if (m_provider && m_provider->addNumberElsewhere)
        m_ui->elsewhereLabel->setText(u"%1<br><a href=\"%2\">%3</a>"_s.arg(
            QCoreApplication::translate("trunkline::gui::AddNumberDialog", m_provider->addNumberElsewhere)
                .toHtmlEscaped(),
            m_provider->addNumberPortal.toHtmlEscaped(),
            tr("Open the %1 admin portal").arg(m_provider->displayName).toHtmlEscaped()));
}

std::optional<qint64> AddNumberDialog::rememberedProfile() {
    const QVariant id = QSettings().value(kLastProfileKey);
    return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
}

bool AddNumberDialog::canAddHere() const {
    return m_provider && m_provider->canAddNumbers();
}

void AddNumberDialog::setProfile(qint64 profileId) {
    const int index = m_ui->profileCombo->findData(profileId);
    if (index >= 0)
        m_ui->profileCombo->setCurrentIndex(index);
}

void AddNumberDialog::updateProfile() {
    cancelSearch();
    dropConnection();
    const int index = qMax(0, m_ui->profileCombo->currentIndex());
    m_profile = index < m_profiles.size() ? m_profiles.at(index) : store::Profile();
    m_provider = providers::findProvider(m_profile.provider);
    if (m_profiles.size() > 1)
        QSettings().setValue(kLastProfileKey, m_profile.id);
    retranslate();
    const bool here = canAddHere();
    const bool friendlyName = here && m_provider->addNumberFriendlyName;
    for (QWidget* widget : std::initializer_list<QWidget*>{
             m_ui->kindTitle, m_ui->kindCombo, m_ui->criteriaTitle, m_ui->criteriaStack, m_ui->searchButton,
             m_ui->statusLabel, m_ui->resultsList, m_ui->noteLabel})
        widget->setVisible(here);
    m_ui->friendlyNameTitle->setVisible(friendlyName);
    m_ui->friendlyNameEdit->setVisible(friendlyName);
    if (!friendlyName)
        m_ui->friendlyNameMessage->hide();
    m_ui->elsewhereLabel->setVisible(!here && m_provider && m_provider->addNumberElsewhere);
    m_ui->portInButton->setVisible(m_provider && m_provider->porting);
    // Telnyx searches a vanity number by its prefix and what follows, Restcomm by a pattern with wildcards.
    const bool byPrefix = m_provider && m_provider->vanityByPrefix;
    m_ui->vanityEdit->setPlaceholderText(byPrefix ? tr("e.g. 800FLOWERS") : tr("e.g. 800FLOWERS or 888*BIZ"));
    m_ui->vanityEdit->setToolTip(
        byPrefix ? tr("A toll-free prefix, then letters as on a phone keypad or digits. The number starts "
                      "with the pattern.")
                 : tr("Letters as on a phone keypad, digits, and * for any one digit. The number starts with "
                      "the pattern."));
    updateKind();
}

void AddNumberDialog::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { updateProfile(); });
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
    const bool here = canAddHere();
    m_ui->searchButton->setVisible(here && !sip);
    m_ui->resultsList->setVisible(here && !sip);
    const QString provider = m_provider ? m_provider->displayName : QString();
    m_ui->noteLabel->setText(
        sip ? tr("A SIP virtual number is created in Restcomm only; no carrier number is bought.")
            : tr("Numbers are searched live at %1. The chosen number is bought when pending changes are "
                 "applied.")
                  .arg(provider));
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
    if (!canAddHere())
        return all;
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
        const QString problem = vanityProblem(m_ui->vanityEdit->text().trimmed());
        if (!problem.isEmpty())
            all << problem;
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
    if (m_provider->addNumberFriendlyName &&
        m_ui->friendlyNameEdit->text().trimmed().size() > kFriendlyNameMaxLength)
        all << tr("Friendly name must be at most %1 characters.").arg(kFriendlyNameMaxLength);
    return all;
}

QString AddNumberDialog::vanityProblem(const QString& pattern) const {
    if (pattern.isEmpty())
        return tr("Pattern must not be empty.");
    if (m_provider && m_provider->vanityByPrefix) {
        static const QRegularExpression lettersAndDigits(u"^[A-Za-z0-9]+$"_s);
        if (!lettersAndDigits.match(pattern).hasMatch())
            return tr("Pattern may contain only letters and digits.");
        if (!core::VanityNumber::tollFreePrefixes().contains(pattern.left(3)))
            return tr("Pattern must start with a toll-free prefix: %1.")
                .arg(core::VanityNumber::tollFreePrefixes().join(u", "_s));
        if (pattern.size() < 4)
            return tr("Pattern needs at least one letter or digit after the prefix.");
    } else {
        static const QRegularExpression pattern_(u"^[A-Za-z0-9*]+$"_s);
        if (!pattern_.match(pattern).hasMatch())
            return tr("Pattern may contain only letters, digits and *.");
    }
    if (pattern.size() > 10)
        return tr("Pattern must be at most 10 characters (a U.S. number has 10 digits).");
    return {};
}

void AddNumberDialog::validate() {
    QStringList criteria = problems();
    QStringList name;
    if (!criteria.isEmpty() && criteria.constLast().startsWith(tr("Friendly name")))
        name << criteria.takeLast();
    showMessage(m_ui->criteriaMessage, criteria);
    showMessage(m_ui->friendlyNameMessage, name);
    m_ui->searchButton->setEnabled(criteria.isEmpty() && !m_searching);
    const bool ready = canAddHere() && problems().isEmpty() && !provisionRequest().isEmpty();
    QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(ready);
    ok->setToolTip(ready           ? QString()
                   : !canAddHere() ? tr("%1 numbers are not bought through its API.")
                                         .arg(m_provider ? m_provider->displayName : m_profile.provider)
                   : kind() == Kind::SipVirtual ? problems().join(u'\n')
                                                : tr("Search, then choose one of the available numbers."));
}

QJsonObject AddNumberDialog::provisionRequest() const {
    if (!canAddHere())
        return {};
    const QString friendlyName =
        m_provider->addNumberFriendlyName ? m_ui->friendlyNameEdit->text().trimmed() : QString();
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
    if (!canAddHere() || kind() == Kind::SipVirtual || !problems().isEmpty())
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
        // The provider's own search (Restcomm's AvailablePhoneNumbers, Telnyx's number search), through its
        // adapter.
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
