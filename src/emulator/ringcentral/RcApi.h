#pragma once

#include "emulator/ringcentral/RcCall.h"

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::emulator::ringcentral {

// The resources of the RingCentral API, one class each (src/emulator/ringcentral/Rc*Api.cpp), which
// RingCentralService routes to after authentication and rate limiting. Each gets the request with the
// account's state (RcCall) and the records it names; permission checks (admin only) are the routing's.
// Classes with messages declare the service's translation context, as the service's own code did.

// GET /account/~, /account/~/service-info and /account/~/business-address (docs/api/ringcentral.md §2): the
// account, its plan, features and limits, and where the company is.
class RcAccountApi {
public:
    static EmulatorResponse get(RcCall& call);
    static EmulatorResponse serviceInfo(RcCall& call);
    static EmulatorResponse businessAddress(RcCall& call);
};

// GET /extension/{id}/device (docs/api/ringcentral.md §3.9): the extension's devices; none for a virtual
// extension.
class RcDevicesApi {
public:
    static EmulatorResponse list(RcCall& call, const RcExtension& extension);
};

// GET /restapi/v1.0/dictionary/timezone: the time zones an extension can be set to (PUT .../extension/{id}
// names one by its id).
class RcTimeZonesApi {
public:
    static EmulatorResponse list(RcCall& call);
};

// Every extension status of the SPEC (docs/api/ringcentral.md §3.1); the number lists filter by it as well.
extern const QStringList kRcExtensionStatuses;

// /account/~/extension[/{extensionId}] (docs/api/ringcentral.md §3): list with filters, create, read, update
// (all or nothing) and delete. Permission checks (admin only) happen in the service's routing.
class RcExtensionsApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse list(RcCall& call);
    static EmulatorResponse create(RcCall& call);
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse update(RcCall& call, RcExtension& extension);
    static EmulatorResponse remove(RcCall& call, const RcExtension& extension);

    // The record; detailed = as GET of one extension shows it (regional settings, service features).
    static QJsonObject json(const RcCall& call, const RcExtension& extension, bool detailed);
};

// The account's numbers (/account/~/phone-number[/{id}]) and an extension's numbers
// (/extension/{id}/phone-number), with seed 001's visibility rules for non-admin callers; v2's assign.
class RcPhoneNumbersApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse listAccountNumbers(RcCall& call);
    // PATCH /restapi/v2/accounts/{id}/phone-numbers/{id} (assignPhoneNumberV2, §4.5): a company number to
    // an extension, an extension's to another or back to the company; answers v2's AccountPhoneNumberInfo.
    static EmulatorResponse assign(RcCall& call, const QString& id);
    static EmulatorResponse getAccountNumber(RcCall& call, const QString& id);
    static EmulatorResponse listExtensionNumbers(RcCall& call, const RcExtension& extension);

    static QJsonObject accountNumberJson(const RcCall& call, const RcPhoneNumber& number);
    static QJsonObject extensionNumberJson(const RcCall& call, const RcPhoneNumber& number, bool features);
};

// An extension's forwarding numbers with their flip numbers (/extension/{id}/forwarding-number[/{id}]):
// at most ten, outside the account, no duplicate numbers or flip digits. Deleting one also drops it from
// the answering rules that ring it.
class RcForwardingApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse list(RcCall& call, const RcExtension& extension);
    static EmulatorResponse create(RcCall& call, RcExtension& extension);
    static EmulatorResponse get(RcCall& call, const RcExtension& extension, const QString& id);
    static EmulatorResponse update(RcCall& call, RcExtension& extension, const QString& id);
    static EmulatorResponse remove(RcCall& call, RcExtension& extension, const QString& id);
    static EmulatorResponse removeBulk(RcCall& call, RcExtension& extension); // DELETE with {records}

    static QJsonObject json(const RcCall& call, const RcExtension& extension,
                            const RcForwardingNumber& forwarding);
    // The index in extension.forwarding of the number with this id (as the wire writes it), or -1.
    static qsizetype indexOf(const RcExtension& extension, const QString& id);
};

// /extension/{id}/caller-id: the number shown per feature (RingOut, CallFlip, ...), chosen among the
// extension's own and the company's voice numbers.
class RcCallerIdApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse put(RcCall& call, RcExtension& extension);
};

// /extension/{id}/notification-settings: e-mail and SMS notification of voicemails, faxes, texts and
// missed calls; PUT merges into the stored settings.
class RcNotificationsApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse get(RcCall& call, const RcExtension& extension);
    static EmulatorResponse put(RcCall& call, RcExtension& extension);
};

// Call handling of an extension (docs/api/ringcentral.md §6.1): its business hours (/business-hours), the
// two default answering rules that follow them (business-hours-rule, after-hours-rule; the latter exists
// only while the business hours are not 24/7) and its custom rules (numeric ids, conditions on schedule,
// callers or called numbers). Default rules can be read and updated, not deleted, and take no conditions.
class RcCallHandlingApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse getBusinessHours(RcCall& call, const RcExtension& extension);
    static EmulatorResponse putBusinessHours(RcCall& call, RcExtension& extension);
    static EmulatorResponse listAnsweringRules(RcCall& call, const RcExtension& extension);
    static EmulatorResponse getAnsweringRule(RcCall& call, const RcExtension& extension,
                                             const QString& ruleId);
    static EmulatorResponse putAnsweringRule(RcCall& call, RcExtension& extension, const QString& ruleId);
    static EmulatorResponse createAnsweringRule(RcCall& call, RcExtension& extension);
    static EmulatorResponse deleteAnsweringRule(RcCall& call, RcExtension& extension, const QString& ruleId);

    // Every rule of the extension as GET of one rule shows it, defaults first (greetings look through them).
    static QList<QJsonObject> allRules(const RcCall& call, const RcExtension& extension);

private:
    static QJsonObject businessHoursSchedule(const RcExtension& extension);
    static bool afterHoursExists(const RcExtension& extension);
    static QJsonObject ruleJson(const RcCall& call, const RcExtension& extension, const QString& ruleId);
};

// Greetings (UNCONFIRMED shapes, docs/api/ringcentral.md does not cover them; modelled on RingCentral's
// GreetingInfo): the preset greetings of GET /restapi/v1.0/dictionary/greeting (filter ?type=), and an
// extension's custom greeting, GET .../extension/{id}/greeting/{greetingId}. Answering rules name theirs in
// greetings[] as {type, preset{uri,id,name}} or {type, custom{uri,id}}; uploading a recording is not served.
class RcGreetingsApi {
    Q_DECLARE_TR_FUNCTIONS(RingCentralService)

public:
    static EmulatorResponse listPresets(RcCall& call);
    static EmulatorResponse getCustom(RcCall& call, const RcExtension& extension, const QString& greetingId);

    // A rule's greetings[] as stored ({type, preset{id}} / {type, custom{id}}) with uris and preset names;
    // an empty list gives the defaults of that rule type.
    static QJsonArray rendered(const RcCall& call, const RcExtension& extension, const QJsonArray& stored,
                               const QString& ruleType);
};

} // namespace trunkline::emulator::ringcentral
