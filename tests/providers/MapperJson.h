#pragma once

// The provider mapper tests write their wire samples as JSON text; parse() turns one into the object a
// mapper reads, and stops the test run when a sample itself is broken (a typo in a test, not a finding).
// readSample() hands a sample to one of a mapper's readers, for the round-trip tests:
//
//   const auto [input, order, problem] = readSample(json, TelnyxMapper::portingOrder);
//   QVERIFY2(order, qPrintable(problem));
//   QCOMPARE(TelnyxMapper::portingOrderToJson(*order), input);

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace trunkline::test {

inline QJsonObject parse(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s", qPrintable(error.errorString()));
    return document.object();
}

// A sample as a reader took it: the parsed object, the record (nullopt when refused) and the problem.
template <typename Record>
struct ReadSample {
    QJsonObject input;
    std::optional<Record> record;
    QString problem;
};

template <typename Record>
ReadSample<Record> readSample(const QByteArray& json,
                              std::optional<Record> (*reader)(const QJsonObject&, QString*)) {
    ReadSample<Record> sample{parse(json), std::nullopt, {}};
    sample.record = reader(sample.input, &sample.problem);
    return sample;
}

} // namespace trunkline::test
