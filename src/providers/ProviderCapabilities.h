#pragma once

// What one provider can do and what its profile needs, in one place: pages, menus, CLI commands and the
// connection factory ask this description instead of comparing provider keys. A new provider is a new
// folder under providers/ with its row (a ProviderCapabilities and a ProviderAdapter) and one line in
// ProviderRegistry.cpp. Header-only; each provider library includes it.
//
// The sentences a row carries are marked with QT_TRANSLATE_NOOP in the context of the class that shows
// them (and translated there with QCoreApplication::translate), so each keeps its translation.

#include "core/PortOrderDetails.h"
#include "core/PortingOrder.h"
#include "providers/ProviderCalls.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace trunkline::net {
class Authenticator;
}

namespace trunkline::providers {

// Where a secret value goes: the parts of connection::ProviderSecret.
enum class SecretSlot { ClientId, ClientSecret, Token };

// One value the profile keeps in the keychain.
struct SecretField {
    SecretSlot slot = SecretSlot::Token;
    const char* jsonKey = nullptr;    // member name when a provider stores several values as JSON
    const char* emptyError = nullptr; // context "ProviderSecret", e.g. "API key: must not be empty."
    const char* prompt = nullptr;     // context "ProfilesCommand", e.g. "API key: "
};

// The values of a profile's secret, as ConnectionFactory hands them to the adapter.
struct SecretValues {
    QByteArray clientId;
    QByteArray clientSecret;
    QByteArray token;
};

// Numbers a provider offers to add through its API (AddNumberDialog's kinds).
enum class AddNumberKind { UsLocal, Global, TollFree, Vanity, SipVirtual };

// A number that can be added, as a provider's live search finds it.
struct AvailableNumber {
    QString phoneNumber;
    QString friendlyName;
    QString isoCountry;
    QString region;
    QString postalCode;
    bool voiceCapable = false;
    bool smsCapable = false;
    bool mmsCapable = false;
    bool faxCapable = false;

    friend bool operator==(const AvailableNumber&, const AvailableNumber&) = default;
};

// A provider's live search of numbers to add. Results come back only while this object lives.
class NumberSearch {
public:
    virtual ~NumberSearch() = default;
    // numberType: "Local", "TollFree" or "Mobile"; areaCode/contains may be empty.
    virtual net::ApiReply* search(const QString& isoCountry, const QString& numberType,
                                  const QString& areaCode, const QString& contains,
                                  Callback<QList<AvailableNumber>> done) = 0;
};

// A German extended-number port order as the admin planned it (docs/api/telnyx-porting.md §4.1).
struct PortOrderRequest {
    QString routeE164; // the order is created with this number only, never the extended numbers
    QString customerReference;
    QString entityName;     // the end user
    QString authPersonName; // who signs the LOA
    QString streetAddress;
    QString postalCode;
    QString locality;
    QDate requestedDate;
    core::NumberRange extensionRange;
    QList<core::NumberRange> activationRanges;
    // Uploaded by fillIn() before the details name them; one left empty is not sent (the submission then
    // names it).
    core::OrderDocument loa;
    core::OrderDocument invoice;

    // The order the wizard and `trunkline-cli port` place: the details as checked, with both documents
    // read from their files now; nullopt with `error` when one of them cannot be read.
    static std::optional<PortOrderRequest> of(const QString& routeE164, const core::OrderDetails& details,
                                              const core::NumberRange& extensionRange,
                                              const QList<core::NumberRange>& activationRanges,
                                              QString* error) {
        std::optional<core::OrderDocument> loa =
            core::OrderDetailsRules::readDocument(details.loaPath, error);
        std::optional<core::OrderDocument> invoice =
            loa ? core::OrderDetailsRules::readDocument(details.invoicePath, error) : std::nullopt;
        if (!loa || !invoice)
            return std::nullopt;
        return PortOrderRequest{routeE164,
                                details.customerReference,
                                details.entityName,
                                details.authPersonName,
                                details.streetAddress,
                                details.postalCode,
                                details.locality,
                                details.requestedDate,
                                extensionRange,
                                activationRanges,
                                std::move(*loa),
                                std::move(*invoice)};
    }
};

// Places port orders step by step, as the documented workflow goes (docs/api/telnyx-porting.md §4.1), so
// that the wizard can show each step's result on its own page: the draft with the route number only, the
// route number's porting phone number on it, the documents and details, the extension block, then the
// submission. Errors name the field they concern (net::ApiError::field) where the provider says. Results
// come back only while this object lives.
class PortOrderPlacement {
public:
    virtual ~PortOrderPlacement() = default;
    // A draft order with the route number only, never the extended numbers.
    virtual void createDraft(const QString& routeE164, Callback<core::PortingOrder> done) = 0;
    // The LOA the provider wants the end user to sign for the order, as a PDF.
    virtual void loaTemplate(const QString& orderId, Callback<QByteArray> done) = 0;
    // The id of the route number among the order's porting phone numbers: the extension block hangs off it.
    virtual void findRouteNumber(const QString& orderId, const QString& routeE164,
                                 Callback<QString> done) = 0;
    // Uploads the LOA and the invoice and fills in what the order needs before submission.
    virtual void fillIn(const QString& orderId, const PortOrderRequest& request,
                        Callback<core::PortingOrder> done) = 0;
    // Makes the route number's extension block exactly `block` with `activationRanges`: kept when it is
    // attached like that already, else any other block of the number is removed and this one attached (so
    // a second try after a failure, or after going back to change the ranges, never leaves two). done()
    // with the block's id.
    virtual void setExtension(const QString& orderId, const QString& portingPhoneNumberId,
                              const core::NumberRange& block,
                              const QList<core::NumberRange>& activationRanges, Callback<QString> done) = 0;
    virtual void submit(const QString& orderId, Callback<core::PortingOrder> done) = 0;
    // Allowed by the provider only while the order is draft, in-process or exception.
    virtual void deleteExtension(const QString& orderId, const QString& extensionId, Completion done) = 0;
    virtual void cancel(const QString& orderId, Callback<core::PortingOrder> done) = 0;
    // Allowed by the provider only for a draft (core::canDelete).
    virtual void deleteDraft(const QString& orderId, Completion done) = 0;

    // Every step but the submission, one after the other, for scripted use (`trunkline-cli port`). done()
    // with the draft; after an error `value` still holds the draft when one was created.
    void placeDraft(const PortOrderRequest& request, Callback<core::PortingOrder> done);
};

// One read a connection test makes after signing in, and what it shows when it works.
struct AccessCheck {
    const char* works = nullptr; // context "trunkline::gui::ConnectionTest", e.g. "Can list numbers."
    const char* fails = nullptr; // the same context, followed by the reason: "Cannot list numbers:"
    net::ApiRequest request;     // one record of a list at most: a test never reads the whole account
};

// How to talk to the provider, where that differs: authentication, who is signed in, number search.
class ProviderAdapter {
public:
    virtual ~ProviderAdapter() = default;

    // The authentication for a profile's secret on `accountId` (already resolved, see
    // ProviderCapabilities::ownAccountAlias).
    virtual std::shared_ptr<net::Authenticator> authenticator(const QUrl& baseUrl, const SecretValues& secret,
                                                              const QString& accountId) const = 0;

    // Asks who the credentials sign in as (an extension id); done("") when unknown or not applicable.
    // The answer arrives only while `context` lives.
    virtual void askSignedInExtension(net::ApiClient* api, QObject* context,
                                      std::function<void(const QString& extensionId)> done) const {
        Q_UNUSED(api);
        Q_UNUSED(context);
        done(QString());
    }

    // What "Test connection" reads, in order, on `accountId` (already resolved).
    virtual QList<AccessCheck> accessChecks(net::ApiClient* api, const QString& accountId) const = 0;

    // Port orders through this connection; nullptr when the provider takes none.
    virtual std::unique_ptr<PortOrderPlacement> portOrders(net::ApiClient* api) const {
        Q_UNUSED(api);
        return nullptr;
    }

    // The live search behind "Add number"; nullptr when the provider offers none.
    virtual std::unique_ptr<NumberSearch> numberSearch(net::ApiClient* api, const QString& accountId) const {
        Q_UNUSED(api);
        Q_UNUSED(accountId);
        return nullptr;
    }
};

// An app permission (OAuth scope) the console uses, and what for.
struct AppPermission {
    QString name;                    // as the provider spells it: "EditExtensions"
    const char* neededFor = nullptr; // context "trunkline::gui::ConnectionTest"
};

struct ProviderCapabilities {
    QStringView key;                        // stored in profiles and records: core::kProvider*
    QString displayName;                    // "RingCentral" (a brand: not translated)
    QList<SecretField> secretFields;        // one field: stored as it is; several: compact JSON
    bool needsAccountId = false;            // the profile must name its account (Restcomm's AccountSid)
    const char* accountIdMissing = nullptr; // context "ProfileService"
    const char* accountIdMissingOnConnect = nullptr; // context "ConnectionFactory", %1 = profile name
    QString ownAccountAlias; // the account requests name when the profile names none ("~")
    QString defaultBaseUrl;  // the provider's public API address; empty when each customer has its own

    // Extensions and what hangs off them.
    bool extensions = false;        // the provider has extensions (users) at all
    bool extensionDetails = false;  // per-extension forwarding lists and call settings, fetched one by one
    bool forwarding = false;        // forwarding numbers (call-flip list) per extension
    bool signedInExtension = false; // the credentials sign in as one extension (permissions follow it)
    const char* noExtensionsReason = nullptr; // context "ExtensionPermissions", %1 = profile name

    // Numbers.
    QList<AddNumberKind> addNumberKinds; // empty: numbers are bought elsewhere
    bool addNumberFriendlyName = false;  // a new number gets a friendly name (Restcomm's FriendlyName)
    // A vanity search names a toll-free prefix and the letters or digits after it, without wildcards
    // (Telnyx's starts_with); otherwise '*' stands for any digit (Restcomm's Contains).
    bool vanityByPrefix = false;
    // Why numbers are not bought through the API, and where they are: context
    // "trunkline::gui::AddNumberDialog"; nullptr when the provider takes no numbers at all.
    const char* addNumberElsewhere = nullptr;
    QString addNumberPortal;     // the admin portal's address for addNumberElsewhere
    bool releaseNumbers = false; // a number can be released through the API
    const char* releaseElsewhere =
        nullptr; // context "trunkline::gui::NumbersPage"; nullptr: the generic sentence
    bool assignNumberToExtension = false;           // a number's assignment is an extension
    bool numberFieldsReadOnly = false;              // label and assignment are read-only in the API
    const char* numberFieldsReadOnlyNote = nullptr; // context "trunkline::gui::EditNumberDialog"
    bool numberRoutingUrls = false; // numbers route by voice/SMS URLs (and the label is a friendly name)
    bool porting = false;           // port-in orders
    bool regexRoutes = false;       // routes matched by regular expression
    bool migrateNumbers = false;    // numbers move between organisations (super admin)
    bool rateLimitGroups = false;   // requests are paced per usage group from X-Rate-Limit-* headers

    // App permissions (OAuth scopes) an app is granted when it is set up, weakest first: each allows what
    // the ones before it allow. Empty: the credentials alone decide what may be done.
    QList<AppPermission> appPermissions;
    QString extensionEditPermission;   // editing an extension's settings, forwarding, call handling
    QString extensionCreatePermission; // creating and deleting extensions

    const ProviderAdapter* adapter = nullptr;

    bool canAddNumbers() const { return !addNumberKinds.isEmpty(); }

    // Whether the scopes of a sign-in allow what `needed` allows (an empty `needed` needs nothing).
    bool grants(const QStringList& granted, const QString& needed) const {
        if (needed.isEmpty() || granted.contains(needed))
            return true;
        bool stronger = false;
        for (const AppPermission& permission : appPermissions) {
            if (stronger && granted.contains(permission.name))
                return true;
            stronger = stronger || permission.name == needed;
        }
        return false;
    }
};

} // namespace trunkline::providers
