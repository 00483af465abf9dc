#pragma once

// What a Telnyx porting order lacks before it can be confirmed, as the PATCH body that completes it: the
// end user, the service address and the ids of two uploaded documents (the LOA and a latest invoice).

#include <QJsonObject>
#include <QString>

inline QJsonObject telnyxOrderCompletion(const QString& loa, const QString& invoice) {
    using namespace Qt::StringLiterals;
    return QJsonObject{
        {u"end_user"_s, QJsonObject{{u"admin"_s, QJsonObject{{u"entity_name"_s, u"Muster GmbH"_s},
                                                             {u"auth_person_name"_s, u"Eva Muster"_s}}},
                                    {u"location"_s, QJsonObject{{u"street_address"_s, u"Hauptstraße 1"_s},
                                                                {u"locality"_s, u"Essen"_s},
                                                                {u"postal_code"_s, u"45127"_s},
                                                                {u"country_code"_s, u"DE"_s}}}}},
        {u"documents"_s, QJsonObject{{u"loa"_s, loa}, {u"invoice"_s, invoice}}}};
}
