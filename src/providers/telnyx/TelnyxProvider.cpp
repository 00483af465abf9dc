#include "providers/telnyx/TelnyxProvider.h"

#include "core/PhoneNumberRecord.h"
#include "core/VanityNumber.h"
#include "net/Authenticator.h"
#include "providers/telnyx/TelnyxClient.h"
#include "providers/telnyx/TelnyxPortOrders.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trunkline::providers::telnyx {

namespace {

// The add-number dialog's search in Telnyx's terms (GET /available_phone_numbers).
class Search final : public NumberSearch {
public:
    explicit Search(net::ApiClient* api)
        : m_client(api) {}
    net::ApiReply* search(const QString& isoCountry, const QString& numberType, const QString& areaCode,
                          const QString& contains, Callback<QList<AvailableNumber>> done) override {
        NumberSearchFilter filter;
        filter.countryCode = isoCountry;
        filter.phoneNumberType = numberType == u"TollFree" ? u"toll_free"_s
                                 : numberType == u"Mobile" ? u"mobile"_s
                                                           : u"local"_s;
        filter.nationalDestinationCode = areaCode;
        const QString digits = core::VanityNumber::digits(contains);
        const QString prefix = digits.left(3);
        if (areaCode.isEmpty() && core::VanityNumber::tollFreePrefixes().contains(prefix)) {
            // A vanity pattern such as 800FLOWERS: the prefix, then the number starting with the rest.
            filter.nationalDestinationCode = prefix;
            filter.startsWith = digits.mid(3);
        } else {
            filter.contains = digits;
        }
        return m_client.searchAvailableNumbers(filter, std::move(done));
    }

private:
    TelnyxClient m_client;
};

class Adapter final : public ProviderAdapter {
public:
    std::shared_ptr<net::Authenticator> authenticator(const QUrl&, const SecretValues& secret,
                                                      const QString&) const override {
        return std::make_shared<net::BearerKeyAuthenticator>(secret.token);
    }
    std::unique_ptr<PortOrderPlacement> portOrders(net::ApiClient* api) const override {
        return makePortOrderPlacement(api);
    }
    QList<AccessCheck> accessChecks(net::ApiClient* api, const QString&) const override {
        return {{QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can list porting orders."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot list porting orders:"),
                 TelnyxClient(api).firstPortingOrder()}};
    }
    std::unique_ptr<NumberSearch> numberSearch(net::ApiClient* api, const QString&) const override {
        return std::make_unique<Search>(api);
    }
};

} // namespace

const ProviderCapabilities& capabilities() {
    static const Adapter adapter;
    static const ProviderCapabilities row = [] {
        ProviderCapabilities caps;
        caps.key = core::kProviderTelnyx;
        caps.displayName = u"Telnyx"_s;
        caps.defaultBaseUrl = u"https://api.telnyx.com/v2"_s;
        caps.secretFields = {{SecretSlot::Token, "apiKey",
                              QT_TRANSLATE_NOOP("ProviderSecret", "API key: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "API key: ")}};
        caps.noExtensionsReason = QT_TRANSLATE_NOOP(
            "ExtensionPermissions", "Telnyx has no extensions: profile “%1” only has phone numbers.");
        // Bought with number orders (sync/NumberPusher); a friendly name is not part of an order.
        caps.addNumberKinds = {AddNumberKind::UsLocal, AddNumberKind::Global, AddNumberKind::TollFree,
                               AddNumberKind::Vanity};
        caps.vanityByPrefix = true;
        // Bought numbers are listed (sync/TelnyxPull); their settings and release are the portal's.
        caps.releaseElsewhere = QT_TRANSLATE_NOOP("trunkline::gui::NumbersPage",
                                                  "Telnyx numbers are released in the Telnyx portal.");
        caps.numberFieldsReadOnly = true;
        caps.numberFieldsReadOnlyNote =
            QT_TRANSLATE_NOOP("trunkline::gui::EditNumberDialog",
                              "Trunkline buys Telnyx numbers but does not change them: the change is staged, "
                              "but applying it fails. Change the number in the Telnyx portal.");
        caps.porting = true;
        caps.adapter = &adapter;
        return caps;
    }();
    return row;
}

} // namespace trunkline::providers::telnyx
