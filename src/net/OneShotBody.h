#pragma once

#include <QByteArray>
#include <QIODevice>

namespace trunkline::net {

// The body of a request that must not reach the server twice (a create). Qt re-sends a request by itself,
// whatever its method, when the server closes the connection before answering (the reconnect attempts of
// its HTTP/1 channel), so a create the server processed before the connection dropped would be made
// again. Read once and never rewound, this body makes such a re-send fail with ContentReSendError instead,
// which ApiClient reports as an unknown outcome, to be looked up (providers::sendCreate).
class OneShotBody final : public QIODevice {
public:
    explicit OneShotBody(QByteArray data, QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool reset() override { return false; }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace trunkline::net
