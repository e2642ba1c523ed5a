import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace ots. */
export namespace ots {

    /**
     * Properties of an Error.
     * @deprecated Use ots.Error.$Properties instead.
     */
    interface IError extends ots.Error.$Properties {
    }

    /** Represents an Error. */
    class Error {

        /**
         * Constructs a new Error.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.Error.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Error code. */
        code: string;

        /** Error message. */
        message: string;

        /**
         * Encodes the specified Error message. Does not implicitly {@link ots.Error.verify|verify} messages.
         * @param message Error message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.Error & ots.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.Error & ots.Error.$Shape;
    }

    namespace Error {

        /** Properties of an Error. */
        interface $Properties {

            /** Error code */
            code: string;

            /** Error message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Error. */
        type $Shape = ots.Error.$Properties;
    }

    /** PrimaryKeyType enum. */
    enum PrimaryKeyType {

        /** INTEGER value */
        INTEGER = 1,

        /** STRING value */
        STRING = 2,

        /** BINARY value */
        BINARY = 3
    }

    /** PrimaryKeyOption enum. */
    enum PrimaryKeyOption {

        /** AUTO_INCREMENT value */
        AUTO_INCREMENT = 1
    }

    /**
     * Properties of a PrimaryKeySchema.
     * @deprecated Use ots.PrimaryKeySchema.$Properties instead.
     */
    interface IPrimaryKeySchema extends ots.PrimaryKeySchema.$Properties {
    }

    /** Represents a PrimaryKeySchema. */
    class PrimaryKeySchema {

        /**
         * Constructs a new PrimaryKeySchema.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.PrimaryKeySchema.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PrimaryKeySchema name. */
        name: string;

        /** PrimaryKeySchema type. */
        type: ots.PrimaryKeyType;

        /** PrimaryKeySchema option. */
        option: ots.PrimaryKeyOption;

        /**
         * Encodes the specified PrimaryKeySchema message. Does not implicitly {@link ots.PrimaryKeySchema.verify|verify} messages.
         * @param message PrimaryKeySchema message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.PrimaryKeySchema.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PrimaryKeySchema message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.PrimaryKeySchema & ots.PrimaryKeySchema.$Shape} PrimaryKeySchema
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.PrimaryKeySchema & ots.PrimaryKeySchema.$Shape;
    }

    namespace PrimaryKeySchema {

        /** Properties of a PrimaryKeySchema. */
        interface $Properties {

            /** PrimaryKeySchema name */
            name: string;

            /** PrimaryKeySchema type */
            type: ots.PrimaryKeyType;

            /** PrimaryKeySchema option */
            option?: (ots.PrimaryKeyOption|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PrimaryKeySchema. */
        type $Shape = ots.PrimaryKeySchema.$Properties;
    }

    /**
     * Properties of a TableOptions.
     * @deprecated Use ots.TableOptions.$Properties instead.
     */
    interface ITableOptions extends ots.TableOptions.$Properties {
    }

    /** Represents a TableOptions. */
    class TableOptions {

        /**
         * Constructs a new TableOptions.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.TableOptions.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TableOptions timeToLive. */
        timeToLive: number;

        /** TableOptions maxVersions. */
        maxVersions: number;

        /** TableOptions allowUpdate. */
        allowUpdate: boolean;

        /**
         * Encodes the specified TableOptions message. Does not implicitly {@link ots.TableOptions.verify|verify} messages.
         * @param message TableOptions message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.TableOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TableOptions message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.TableOptions & ots.TableOptions.$Shape} TableOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.TableOptions & ots.TableOptions.$Shape;
    }

    namespace TableOptions {

        /** Properties of a TableOptions. */
        interface $Properties {

            /** TableOptions timeToLive */
            timeToLive?: (number|null);

            /** TableOptions maxVersions */
            maxVersions?: (number|null);

            /** TableOptions allowUpdate */
            allowUpdate?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TableOptions. */
        type $Shape = ots.TableOptions.$Properties;
    }

    /**
     * Properties of a TableMeta.
     * @deprecated Use ots.TableMeta.$Properties instead.
     */
    interface ITableMeta extends ots.TableMeta.$Properties {
    }

    /** Represents a TableMeta. */
    class TableMeta {

        /**
         * Constructs a new TableMeta.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.TableMeta.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TableMeta tableName. */
        tableName: string;

        /** TableMeta primaryKey. */
        primaryKey: ots.PrimaryKeySchema.$Properties[];

        /**
         * Encodes the specified TableMeta message. Does not implicitly {@link ots.TableMeta.verify|verify} messages.
         * @param message TableMeta message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.TableMeta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TableMeta message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.TableMeta & ots.TableMeta.$Shape} TableMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.TableMeta & ots.TableMeta.$Shape;
    }

    namespace TableMeta {

        /** Properties of a TableMeta. */
        interface $Properties {

            /** TableMeta tableName */
            tableName: string;

            /** TableMeta primaryKey */
            primaryKey?: (ots.PrimaryKeySchema.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TableMeta. */
        type $Shape = ots.TableMeta.$Properties;
    }

    /** TableStatus enum. */
    enum TableStatus {

        /** ACTIVE value */
        ACTIVE = 1,

        /** INACTIVE value */
        INACTIVE = 2,

        /** LOADING value */
        LOADING = 3,

        /** UNLOADING value */
        UNLOADING = 4,

        /** UPDATING value */
        UPDATING = 5
    }

    /** RowExistenceExpectation enum. */
    enum RowExistenceExpectation {

        /** IGNORE value */
        IGNORE = 0,

        /** EXPECT_EXIST value */
        EXPECT_EXIST = 1,

        /** EXPECT_NOT_EXIST value */
        EXPECT_NOT_EXIST = 2
    }

    /**
     * Properties of a Condition.
     * @deprecated Use ots.Condition.$Properties instead.
     */
    interface ICondition extends ots.Condition.$Properties {
    }

    /** Represents a Condition. */
    class Condition {

        /**
         * Constructs a new Condition.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.Condition.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Condition rowExistence. */
        rowExistence: ots.RowExistenceExpectation;

        /** Condition columnCondition. */
        columnCondition: Uint8Array;

        /**
         * Encodes the specified Condition message. Does not implicitly {@link ots.Condition.verify|verify} messages.
         * @param message Condition message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.Condition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Condition message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.Condition & ots.Condition.$Shape} Condition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.Condition & ots.Condition.$Shape;
    }

    namespace Condition {

        /** Properties of a Condition. */
        interface $Properties {

            /** Condition rowExistence */
            rowExistence: ots.RowExistenceExpectation;

            /** Condition columnCondition */
            columnCondition?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Condition. */
        type $Shape = ots.Condition.$Properties;
    }

    /**
     * Properties of a CapacityUnit.
     * @deprecated Use ots.CapacityUnit.$Properties instead.
     */
    interface ICapacityUnit extends ots.CapacityUnit.$Properties {
    }

    /** Represents a CapacityUnit. */
    class CapacityUnit {

        /**
         * Constructs a new CapacityUnit.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.CapacityUnit.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CapacityUnit read. */
        read: number;

        /** CapacityUnit write. */
        write: number;

        /**
         * Encodes the specified CapacityUnit message. Does not implicitly {@link ots.CapacityUnit.verify|verify} messages.
         * @param message CapacityUnit message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.CapacityUnit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CapacityUnit message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.CapacityUnit & ots.CapacityUnit.$Shape} CapacityUnit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.CapacityUnit & ots.CapacityUnit.$Shape;
    }

    namespace CapacityUnit {

        /** Properties of a CapacityUnit. */
        interface $Properties {

            /** CapacityUnit read */
            read?: (number|null);

            /** CapacityUnit write */
            write?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CapacityUnit. */
        type $Shape = ots.CapacityUnit.$Properties;
    }

    /**
     * Properties of a ReservedThroughputDetails.
     * @deprecated Use ots.ReservedThroughputDetails.$Properties instead.
     */
    interface IReservedThroughputDetails extends ots.ReservedThroughputDetails.$Properties {
    }

    /** Represents a ReservedThroughputDetails. */
    class ReservedThroughputDetails {

        /**
         * Constructs a new ReservedThroughputDetails.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ReservedThroughputDetails.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReservedThroughputDetails capacityUnit. */
        capacityUnit: ots.CapacityUnit.$Properties;

        /** ReservedThroughputDetails lastIncreaseTime. */
        lastIncreaseTime: number;

        /**
         * Encodes the specified ReservedThroughputDetails message. Does not implicitly {@link ots.ReservedThroughputDetails.verify|verify} messages.
         * @param message ReservedThroughputDetails message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ReservedThroughputDetails.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReservedThroughputDetails message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ReservedThroughputDetails & ots.ReservedThroughputDetails.$Shape} ReservedThroughputDetails
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ReservedThroughputDetails & ots.ReservedThroughputDetails.$Shape;
    }

    namespace ReservedThroughputDetails {

        /** Properties of a ReservedThroughputDetails. */
        interface $Properties {

            /** ReservedThroughputDetails capacityUnit */
            capacityUnit: ots.CapacityUnit.$Properties;

            /** ReservedThroughputDetails lastIncreaseTime */
            lastIncreaseTime: number;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReservedThroughputDetails. */
        type $Shape = ots.ReservedThroughputDetails.$Properties;
    }

    /**
     * Properties of a ReservedThroughput.
     * @deprecated Use ots.ReservedThroughput.$Properties instead.
     */
    interface IReservedThroughput extends ots.ReservedThroughput.$Properties {
    }

    /** Represents a ReservedThroughput. */
    class ReservedThroughput {

        /**
         * Constructs a new ReservedThroughput.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ReservedThroughput.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReservedThroughput capacityUnit. */
        capacityUnit: ots.CapacityUnit.$Properties;

        /**
         * Encodes the specified ReservedThroughput message. Does not implicitly {@link ots.ReservedThroughput.verify|verify} messages.
         * @param message ReservedThroughput message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ReservedThroughput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReservedThroughput message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ReservedThroughput & ots.ReservedThroughput.$Shape} ReservedThroughput
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ReservedThroughput & ots.ReservedThroughput.$Shape;
    }

    namespace ReservedThroughput {

        /** Properties of a ReservedThroughput. */
        interface $Properties {

            /** ReservedThroughput capacityUnit */
            capacityUnit: ots.CapacityUnit.$Properties;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReservedThroughput. */
        type $Shape = ots.ReservedThroughput.$Properties;
    }

    /**
     * Properties of a ConsumedCapacity.
     * @deprecated Use ots.ConsumedCapacity.$Properties instead.
     */
    interface IConsumedCapacity extends ots.ConsumedCapacity.$Properties {
    }

    /** Represents a ConsumedCapacity. */
    class ConsumedCapacity {

        /**
         * Constructs a new ConsumedCapacity.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ConsumedCapacity.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConsumedCapacity capacityUnit. */
        capacityUnit: ots.CapacityUnit.$Properties;

        /**
         * Encodes the specified ConsumedCapacity message. Does not implicitly {@link ots.ConsumedCapacity.verify|verify} messages.
         * @param message ConsumedCapacity message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ConsumedCapacity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConsumedCapacity message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ConsumedCapacity & ots.ConsumedCapacity.$Shape} ConsumedCapacity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ConsumedCapacity & ots.ConsumedCapacity.$Shape;
    }

    namespace ConsumedCapacity {

        /** Properties of a ConsumedCapacity. */
        interface $Properties {

            /** ConsumedCapacity capacityUnit */
            capacityUnit: ots.CapacityUnit.$Properties;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConsumedCapacity. */
        type $Shape = ots.ConsumedCapacity.$Properties;
    }

    /**
     * Properties of a CreateTableRequest.
     * @deprecated Use ots.CreateTableRequest.$Properties instead.
     */
    interface ICreateTableRequest extends ots.CreateTableRequest.$Properties {
    }

    /** Represents a CreateTableRequest. */
    class CreateTableRequest {

        /**
         * Constructs a new CreateTableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.CreateTableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CreateTableRequest tableMeta. */
        tableMeta: ots.TableMeta.$Properties;

        /** CreateTableRequest reservedThroughput. */
        reservedThroughput: ots.ReservedThroughput.$Properties;

        /** CreateTableRequest tableOptions. */
        tableOptions?: (ots.TableOptions.$Properties|null);

        /**
         * Encodes the specified CreateTableRequest message. Does not implicitly {@link ots.CreateTableRequest.verify|verify} messages.
         * @param message CreateTableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.CreateTableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateTableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.CreateTableRequest & ots.CreateTableRequest.$Shape} CreateTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.CreateTableRequest & ots.CreateTableRequest.$Shape;
    }

    namespace CreateTableRequest {

        /** Properties of a CreateTableRequest. */
        interface $Properties {

            /** CreateTableRequest tableMeta */
            tableMeta: ots.TableMeta.$Properties;

            /** CreateTableRequest reservedThroughput */
            reservedThroughput: ots.ReservedThroughput.$Properties;

            /** CreateTableRequest tableOptions */
            tableOptions?: (ots.TableOptions.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateTableRequest. */
        type $Shape = ots.CreateTableRequest.$Properties;
    }

    /**
     * Properties of a CreateTableResponse.
     * @deprecated Use ots.CreateTableResponse.$Properties instead.
     */
    interface ICreateTableResponse extends ots.CreateTableResponse.$Properties {
    }

    /** Represents a CreateTableResponse. */
    class CreateTableResponse {

        /**
         * Constructs a new CreateTableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.CreateTableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Encodes the specified CreateTableResponse message. Does not implicitly {@link ots.CreateTableResponse.verify|verify} messages.
         * @param message CreateTableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.CreateTableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CreateTableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.CreateTableResponse & ots.CreateTableResponse.$Shape} CreateTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.CreateTableResponse & ots.CreateTableResponse.$Shape;
    }

    namespace CreateTableResponse {

        /** Properties of a CreateTableResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CreateTableResponse. */
        type $Shape = ots.CreateTableResponse.$Properties;
    }

    /**
     * Properties of a DescribeTableRequest.
     * @deprecated Use ots.DescribeTableRequest.$Properties instead.
     */
    interface IDescribeTableRequest extends ots.DescribeTableRequest.$Properties {
    }

    /** Represents a DescribeTableRequest. */
    class DescribeTableRequest {

        /**
         * Constructs a new DescribeTableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DescribeTableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DescribeTableRequest tableName. */
        tableName: string;

        /**
         * Encodes the specified DescribeTableRequest message. Does not implicitly {@link ots.DescribeTableRequest.verify|verify} messages.
         * @param message DescribeTableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DescribeTableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DescribeTableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DescribeTableRequest & ots.DescribeTableRequest.$Shape} DescribeTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DescribeTableRequest & ots.DescribeTableRequest.$Shape;
    }

    namespace DescribeTableRequest {

        /** Properties of a DescribeTableRequest. */
        interface $Properties {

            /** DescribeTableRequest tableName */
            tableName: string;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DescribeTableRequest. */
        type $Shape = ots.DescribeTableRequest.$Properties;
    }

    /**
     * Properties of a DescribeTableResponse.
     * @deprecated Use ots.DescribeTableResponse.$Properties instead.
     */
    interface IDescribeTableResponse extends ots.DescribeTableResponse.$Properties {
    }

    /** Represents a DescribeTableResponse. */
    class DescribeTableResponse {

        /**
         * Constructs a new DescribeTableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DescribeTableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DescribeTableResponse tableMeta. */
        tableMeta: ots.TableMeta.$Properties;

        /** DescribeTableResponse reservedThroughputDetails. */
        reservedThroughputDetails: ots.ReservedThroughputDetails.$Properties;

        /** DescribeTableResponse tableOptions. */
        tableOptions: ots.TableOptions.$Properties;

        /** DescribeTableResponse tableStatus. */
        tableStatus: ots.TableStatus;

        /**
         * Encodes the specified DescribeTableResponse message. Does not implicitly {@link ots.DescribeTableResponse.verify|verify} messages.
         * @param message DescribeTableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DescribeTableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DescribeTableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DescribeTableResponse & ots.DescribeTableResponse.$Shape} DescribeTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DescribeTableResponse & ots.DescribeTableResponse.$Shape;
    }

    namespace DescribeTableResponse {

        /** Properties of a DescribeTableResponse. */
        interface $Properties {

            /** DescribeTableResponse tableMeta */
            tableMeta: ots.TableMeta.$Properties;

            /** DescribeTableResponse reservedThroughputDetails */
            reservedThroughputDetails: ots.ReservedThroughputDetails.$Properties;

            /** DescribeTableResponse tableOptions */
            tableOptions: ots.TableOptions.$Properties;

            /** DescribeTableResponse tableStatus */
            tableStatus: ots.TableStatus;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DescribeTableResponse. */
        type $Shape = ots.DescribeTableResponse.$Properties;
    }

    /**
     * Properties of a ListTableRequest.
     * @deprecated Use ots.ListTableRequest.$Properties instead.
     */
    interface IListTableRequest extends ots.ListTableRequest.$Properties {
    }

    /** Represents a ListTableRequest. */
    class ListTableRequest {

        /**
         * Constructs a new ListTableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ListTableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Encodes the specified ListTableRequest message. Does not implicitly {@link ots.ListTableRequest.verify|verify} messages.
         * @param message ListTableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ListTableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListTableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ListTableRequest & ots.ListTableRequest.$Shape} ListTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ListTableRequest & ots.ListTableRequest.$Shape;
    }

    namespace ListTableRequest {

        /** Properties of a ListTableRequest. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListTableRequest. */
        type $Shape = ots.ListTableRequest.$Properties;
    }

    /**
     * Properties of a ListTableResponse.
     * @deprecated Use ots.ListTableResponse.$Properties instead.
     */
    interface IListTableResponse extends ots.ListTableResponse.$Properties {
    }

    /** Represents a ListTableResponse. */
    class ListTableResponse {

        /**
         * Constructs a new ListTableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ListTableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ListTableResponse tableNames. */
        tableNames: string[];

        /**
         * Encodes the specified ListTableResponse message. Does not implicitly {@link ots.ListTableResponse.verify|verify} messages.
         * @param message ListTableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ListTableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ListTableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ListTableResponse & ots.ListTableResponse.$Shape} ListTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ListTableResponse & ots.ListTableResponse.$Shape;
    }

    namespace ListTableResponse {

        /** Properties of a ListTableResponse. */
        interface $Properties {

            /** ListTableResponse tableNames */
            tableNames?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ListTableResponse. */
        type $Shape = ots.ListTableResponse.$Properties;
    }

    /**
     * Properties of a DeleteTableRequest.
     * @deprecated Use ots.DeleteTableRequest.$Properties instead.
     */
    interface IDeleteTableRequest extends ots.DeleteTableRequest.$Properties {
    }

    /** Represents a DeleteTableRequest. */
    class DeleteTableRequest {

        /**
         * Constructs a new DeleteTableRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DeleteTableRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteTableRequest tableName. */
        tableName: string;

        /**
         * Encodes the specified DeleteTableRequest message. Does not implicitly {@link ots.DeleteTableRequest.verify|verify} messages.
         * @param message DeleteTableRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DeleteTableRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteTableRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DeleteTableRequest & ots.DeleteTableRequest.$Shape} DeleteTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DeleteTableRequest & ots.DeleteTableRequest.$Shape;
    }

    namespace DeleteTableRequest {

        /** Properties of a DeleteTableRequest. */
        interface $Properties {

            /** DeleteTableRequest tableName */
            tableName: string;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteTableRequest. */
        type $Shape = ots.DeleteTableRequest.$Properties;
    }

    /**
     * Properties of a DeleteTableResponse.
     * @deprecated Use ots.DeleteTableResponse.$Properties instead.
     */
    interface IDeleteTableResponse extends ots.DeleteTableResponse.$Properties {
    }

    /** Represents a DeleteTableResponse. */
    class DeleteTableResponse {

        /**
         * Constructs a new DeleteTableResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DeleteTableResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Encodes the specified DeleteTableResponse message. Does not implicitly {@link ots.DeleteTableResponse.verify|verify} messages.
         * @param message DeleteTableResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DeleteTableResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteTableResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DeleteTableResponse & ots.DeleteTableResponse.$Shape} DeleteTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DeleteTableResponse & ots.DeleteTableResponse.$Shape;
    }

    namespace DeleteTableResponse {

        /** Properties of a DeleteTableResponse. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteTableResponse. */
        type $Shape = ots.DeleteTableResponse.$Properties;
    }

    /** ReturnType enum. */
    enum ReturnType {

        /** RT_NONE value */
        RT_NONE = 0,

        /** RT_PK value */
        RT_PK = 1,

        /** RT_AFTER_MODIFY value */
        RT_AFTER_MODIFY = 2
    }

    /**
     * Properties of a ReturnContent.
     * @deprecated Use ots.ReturnContent.$Properties instead.
     */
    interface IReturnContent extends ots.ReturnContent.$Properties {
    }

    /** Represents a ReturnContent. */
    class ReturnContent {

        /**
         * Constructs a new ReturnContent.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.ReturnContent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ReturnContent returnType. */
        returnType: ots.ReturnType;

        /** ReturnContent returnColumnNames. */
        returnColumnNames: string[];

        /**
         * Encodes the specified ReturnContent message. Does not implicitly {@link ots.ReturnContent.verify|verify} messages.
         * @param message ReturnContent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.ReturnContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ReturnContent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.ReturnContent & ots.ReturnContent.$Shape} ReturnContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.ReturnContent & ots.ReturnContent.$Shape;
    }

    namespace ReturnContent {

        /** Properties of a ReturnContent. */
        interface $Properties {

            /** ReturnContent returnType */
            returnType?: (ots.ReturnType|null);

            /** ReturnContent returnColumnNames */
            returnColumnNames?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ReturnContent. */
        type $Shape = ots.ReturnContent.$Properties;
    }

    /**
     * Properties of a GetRowRequest.
     * @deprecated Use ots.GetRowRequest.$Properties instead.
     */
    interface IGetRowRequest extends ots.GetRowRequest.$Properties {
    }

    /** Represents a GetRowRequest. */
    class GetRowRequest {

        /**
         * Constructs a new GetRowRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.GetRowRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetRowRequest tableName. */
        tableName: string;

        /** GetRowRequest primaryKey. */
        primaryKey: Uint8Array;

        /** GetRowRequest columnsToGet. */
        columnsToGet: string[];

        /** GetRowRequest maxVersions. */
        maxVersions: number;

        /**
         * Encodes the specified GetRowRequest message. Does not implicitly {@link ots.GetRowRequest.verify|verify} messages.
         * @param message GetRowRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.GetRowRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetRowRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.GetRowRequest & ots.GetRowRequest.$Shape} GetRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.GetRowRequest & ots.GetRowRequest.$Shape;
    }

    namespace GetRowRequest {

        /** Properties of a GetRowRequest. */
        interface $Properties {

            /** GetRowRequest tableName */
            tableName: string;

            /** GetRowRequest primaryKey */
            primaryKey: Uint8Array;

            /** GetRowRequest columnsToGet */
            columnsToGet?: (string[]|null);

            /** GetRowRequest maxVersions */
            maxVersions?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetRowRequest. */
        type $Shape = ots.GetRowRequest.$Properties;
    }

    /**
     * Properties of a GetRowResponse.
     * @deprecated Use ots.GetRowResponse.$Properties instead.
     */
    interface IGetRowResponse extends ots.GetRowResponse.$Properties {
    }

    /** Represents a GetRowResponse. */
    class GetRowResponse {

        /**
         * Constructs a new GetRowResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.GetRowResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** GetRowResponse consumed. */
        consumed: ots.ConsumedCapacity.$Properties;

        /** GetRowResponse row. */
        row: Uint8Array;

        /** GetRowResponse nextToken. */
        nextToken: Uint8Array;

        /**
         * Encodes the specified GetRowResponse message. Does not implicitly {@link ots.GetRowResponse.verify|verify} messages.
         * @param message GetRowResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.GetRowResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a GetRowResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.GetRowResponse & ots.GetRowResponse.$Shape} GetRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.GetRowResponse & ots.GetRowResponse.$Shape;
    }

    namespace GetRowResponse {

        /** Properties of a GetRowResponse. */
        interface $Properties {

            /** GetRowResponse consumed */
            consumed: ots.ConsumedCapacity.$Properties;

            /** GetRowResponse row */
            row: Uint8Array;

            /** GetRowResponse nextToken */
            nextToken?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a GetRowResponse. */
        type $Shape = ots.GetRowResponse.$Properties;
    }

    /**
     * Properties of an UpdateRowRequest.
     * @deprecated Use ots.UpdateRowRequest.$Properties instead.
     */
    interface IUpdateRowRequest extends ots.UpdateRowRequest.$Properties {
    }

    /** Represents an UpdateRowRequest. */
    class UpdateRowRequest {

        /**
         * Constructs a new UpdateRowRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.UpdateRowRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateRowRequest tableName. */
        tableName: string;

        /** UpdateRowRequest rowChange. */
        rowChange: Uint8Array;

        /** UpdateRowRequest condition. */
        condition: ots.Condition.$Properties;

        /** UpdateRowRequest returnContent. */
        returnContent?: (ots.ReturnContent.$Properties|null);

        /**
         * Encodes the specified UpdateRowRequest message. Does not implicitly {@link ots.UpdateRowRequest.verify|verify} messages.
         * @param message UpdateRowRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.UpdateRowRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateRowRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.UpdateRowRequest & ots.UpdateRowRequest.$Shape} UpdateRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.UpdateRowRequest & ots.UpdateRowRequest.$Shape;
    }

    namespace UpdateRowRequest {

        /** Properties of an UpdateRowRequest. */
        interface $Properties {

            /** UpdateRowRequest tableName */
            tableName: string;

            /** UpdateRowRequest rowChange */
            rowChange: Uint8Array;

            /** UpdateRowRequest condition */
            condition: ots.Condition.$Properties;

            /** UpdateRowRequest returnContent */
            returnContent?: (ots.ReturnContent.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateRowRequest. */
        type $Shape = ots.UpdateRowRequest.$Properties;
    }

    /**
     * Properties of an UpdateRowResponse.
     * @deprecated Use ots.UpdateRowResponse.$Properties instead.
     */
    interface IUpdateRowResponse extends ots.UpdateRowResponse.$Properties {
    }

    /** Represents an UpdateRowResponse. */
    class UpdateRowResponse {

        /**
         * Constructs a new UpdateRowResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.UpdateRowResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** UpdateRowResponse consumed. */
        consumed: ots.ConsumedCapacity.$Properties;

        /** UpdateRowResponse row. */
        row: Uint8Array;

        /**
         * Encodes the specified UpdateRowResponse message. Does not implicitly {@link ots.UpdateRowResponse.verify|verify} messages.
         * @param message UpdateRowResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.UpdateRowResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an UpdateRowResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.UpdateRowResponse & ots.UpdateRowResponse.$Shape} UpdateRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.UpdateRowResponse & ots.UpdateRowResponse.$Shape;
    }

    namespace UpdateRowResponse {

        /** Properties of an UpdateRowResponse. */
        interface $Properties {

            /** UpdateRowResponse consumed */
            consumed: ots.ConsumedCapacity.$Properties;

            /** UpdateRowResponse row */
            row?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an UpdateRowResponse. */
        type $Shape = ots.UpdateRowResponse.$Properties;
    }

    /**
     * Properties of a PutRowRequest.
     * @deprecated Use ots.PutRowRequest.$Properties instead.
     */
    interface IPutRowRequest extends ots.PutRowRequest.$Properties {
    }

    /** Represents a PutRowRequest. */
    class PutRowRequest {

        /**
         * Constructs a new PutRowRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.PutRowRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutRowRequest tableName. */
        tableName: string;

        /** PutRowRequest row. */
        row: Uint8Array;

        /** PutRowRequest condition. */
        condition: ots.Condition.$Properties;

        /** PutRowRequest returnContent. */
        returnContent?: (ots.ReturnContent.$Properties|null);

        /**
         * Encodes the specified PutRowRequest message. Does not implicitly {@link ots.PutRowRequest.verify|verify} messages.
         * @param message PutRowRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.PutRowRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutRowRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.PutRowRequest & ots.PutRowRequest.$Shape} PutRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.PutRowRequest & ots.PutRowRequest.$Shape;
    }

    namespace PutRowRequest {

        /** Properties of a PutRowRequest. */
        interface $Properties {

            /** PutRowRequest tableName */
            tableName: string;

            /** PutRowRequest row */
            row: Uint8Array;

            /** PutRowRequest condition */
            condition: ots.Condition.$Properties;

            /** PutRowRequest returnContent */
            returnContent?: (ots.ReturnContent.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutRowRequest. */
        type $Shape = ots.PutRowRequest.$Properties;
    }

    /**
     * Properties of a PutRowResponse.
     * @deprecated Use ots.PutRowResponse.$Properties instead.
     */
    interface IPutRowResponse extends ots.PutRowResponse.$Properties {
    }

    /** Represents a PutRowResponse. */
    class PutRowResponse {

        /**
         * Constructs a new PutRowResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.PutRowResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** PutRowResponse consumed. */
        consumed: ots.ConsumedCapacity.$Properties;

        /** PutRowResponse row. */
        row: Uint8Array;

        /**
         * Encodes the specified PutRowResponse message. Does not implicitly {@link ots.PutRowResponse.verify|verify} messages.
         * @param message PutRowResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.PutRowResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a PutRowResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.PutRowResponse & ots.PutRowResponse.$Shape} PutRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.PutRowResponse & ots.PutRowResponse.$Shape;
    }

    namespace PutRowResponse {

        /** Properties of a PutRowResponse. */
        interface $Properties {

            /** PutRowResponse consumed */
            consumed: ots.ConsumedCapacity.$Properties;

            /** PutRowResponse row */
            row?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a PutRowResponse. */
        type $Shape = ots.PutRowResponse.$Properties;
    }

    /**
     * Properties of a DeleteRowRequest.
     * @deprecated Use ots.DeleteRowRequest.$Properties instead.
     */
    interface IDeleteRowRequest extends ots.DeleteRowRequest.$Properties {
    }

    /** Represents a DeleteRowRequest. */
    class DeleteRowRequest {

        /**
         * Constructs a new DeleteRowRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DeleteRowRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRowRequest tableName. */
        tableName: string;

        /** DeleteRowRequest primaryKey. */
        primaryKey: Uint8Array;

        /** DeleteRowRequest condition. */
        condition: ots.Condition.$Properties;

        /** DeleteRowRequest returnContent. */
        returnContent?: (ots.ReturnContent.$Properties|null);

        /**
         * Encodes the specified DeleteRowRequest message. Does not implicitly {@link ots.DeleteRowRequest.verify|verify} messages.
         * @param message DeleteRowRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DeleteRowRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRowRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DeleteRowRequest & ots.DeleteRowRequest.$Shape} DeleteRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DeleteRowRequest & ots.DeleteRowRequest.$Shape;
    }

    namespace DeleteRowRequest {

        /** Properties of a DeleteRowRequest. */
        interface $Properties {

            /** DeleteRowRequest tableName */
            tableName: string;

            /** DeleteRowRequest primaryKey */
            primaryKey: Uint8Array;

            /** DeleteRowRequest condition */
            condition: ots.Condition.$Properties;

            /** DeleteRowRequest returnContent */
            returnContent?: (ots.ReturnContent.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRowRequest. */
        type $Shape = ots.DeleteRowRequest.$Properties;
    }

    /**
     * Properties of a DeleteRowResponse.
     * @deprecated Use ots.DeleteRowResponse.$Properties instead.
     */
    interface IDeleteRowResponse extends ots.DeleteRowResponse.$Properties {
    }

    /** Represents a DeleteRowResponse. */
    class DeleteRowResponse {

        /**
         * Constructs a new DeleteRowResponse.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.DeleteRowResponse.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DeleteRowResponse consumed. */
        consumed: ots.ConsumedCapacity.$Properties;

        /** DeleteRowResponse row. */
        row: Uint8Array;

        /**
         * Encodes the specified DeleteRowResponse message. Does not implicitly {@link ots.DeleteRowResponse.verify|verify} messages.
         * @param message DeleteRowResponse message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.DeleteRowResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DeleteRowResponse message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.DeleteRowResponse & ots.DeleteRowResponse.$Shape} DeleteRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.DeleteRowResponse & ots.DeleteRowResponse.$Shape;
    }

    namespace DeleteRowResponse {

        /** Properties of a DeleteRowResponse. */
        interface $Properties {

            /** DeleteRowResponse consumed */
            consumed: ots.ConsumedCapacity.$Properties;

            /** DeleteRowResponse row */
            row?: (Uint8Array|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DeleteRowResponse. */
        type $Shape = ots.DeleteRowResponse.$Properties;
    }

    /** FilterType enum. */
    enum FilterType {

        /** FT_SINGLE_COLUMN_VALUE value */
        FT_SINGLE_COLUMN_VALUE = 1,

        /** FT_COMPOSITE_COLUMN_VALUE value */
        FT_COMPOSITE_COLUMN_VALUE = 2
    }

    /** ComparatorType enum. */
    enum ComparatorType {

        /** CT_EQUAL value */
        CT_EQUAL = 1,

        /** CT_NOT_EQUAL value */
        CT_NOT_EQUAL = 2,

        /** CT_GREATER_THAN value */
        CT_GREATER_THAN = 3,

        /** CT_GREATER_EQUAL value */
        CT_GREATER_EQUAL = 4,

        /** CT_LESS_THAN value */
        CT_LESS_THAN = 5,

        /** CT_LESS_EQUAL value */
        CT_LESS_EQUAL = 6
    }

    /**
     * Properties of a SingleColumnValueFilter.
     * @deprecated Use ots.SingleColumnValueFilter.$Properties instead.
     */
    interface ISingleColumnValueFilter extends ots.SingleColumnValueFilter.$Properties {
    }

    /** Represents a SingleColumnValueFilter. */
    class SingleColumnValueFilter {

        /**
         * Constructs a new SingleColumnValueFilter.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.SingleColumnValueFilter.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SingleColumnValueFilter comparator. */
        comparator: ots.ComparatorType;

        /** SingleColumnValueFilter columnName. */
        columnName: string;

        /** SingleColumnValueFilter columnValue. */
        columnValue: Uint8Array;

        /** SingleColumnValueFilter filterIfMissing. */
        filterIfMissing: boolean;

        /** SingleColumnValueFilter latestVersionOnly. */
        latestVersionOnly: boolean;

        /**
         * Encodes the specified SingleColumnValueFilter message. Does not implicitly {@link ots.SingleColumnValueFilter.verify|verify} messages.
         * @param message SingleColumnValueFilter message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.SingleColumnValueFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SingleColumnValueFilter message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.SingleColumnValueFilter & ots.SingleColumnValueFilter.$Shape} SingleColumnValueFilter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.SingleColumnValueFilter & ots.SingleColumnValueFilter.$Shape;
    }

    namespace SingleColumnValueFilter {

        /** Properties of a SingleColumnValueFilter. */
        interface $Properties {

            /** SingleColumnValueFilter comparator */
            comparator: ots.ComparatorType;

            /** SingleColumnValueFilter columnName */
            columnName: string;

            /** SingleColumnValueFilter columnValue */
            columnValue: Uint8Array;

            /** SingleColumnValueFilter filterIfMissing */
            filterIfMissing: boolean;

            /** SingleColumnValueFilter latestVersionOnly */
            latestVersionOnly: boolean;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SingleColumnValueFilter. */
        type $Shape = ots.SingleColumnValueFilter.$Properties;
    }

    /** LogicalOperator enum. */
    enum LogicalOperator {

        /** LO_NOT value */
        LO_NOT = 1,

        /** LO_AND value */
        LO_AND = 2,

        /** LO_OR value */
        LO_OR = 3
    }

    /**
     * Properties of a CompositeColumnValueFilter.
     * @deprecated Use ots.CompositeColumnValueFilter.$Properties instead.
     */
    interface ICompositeColumnValueFilter extends ots.CompositeColumnValueFilter.$Properties {
    }

    /** Represents a CompositeColumnValueFilter. */
    class CompositeColumnValueFilter {

        /**
         * Constructs a new CompositeColumnValueFilter.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.CompositeColumnValueFilter.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CompositeColumnValueFilter combinator. */
        combinator: ots.LogicalOperator;

        /** CompositeColumnValueFilter subFilters. */
        subFilters: ots.Filter.$Properties[];

        /**
         * Encodes the specified CompositeColumnValueFilter message. Does not implicitly {@link ots.CompositeColumnValueFilter.verify|verify} messages.
         * @param message CompositeColumnValueFilter message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.CompositeColumnValueFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CompositeColumnValueFilter message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.CompositeColumnValueFilter & ots.CompositeColumnValueFilter.$Shape} CompositeColumnValueFilter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.CompositeColumnValueFilter & ots.CompositeColumnValueFilter.$Shape;
    }

    namespace CompositeColumnValueFilter {

        /** Properties of a CompositeColumnValueFilter. */
        interface $Properties {

            /** CompositeColumnValueFilter combinator */
            combinator: ots.LogicalOperator;

            /** CompositeColumnValueFilter subFilters */
            subFilters?: (ots.Filter.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CompositeColumnValueFilter. */
        type $Shape = ots.CompositeColumnValueFilter.$Properties;
    }

    /**
     * Properties of a Filter.
     * @deprecated Use ots.Filter.$Properties instead.
     */
    interface IFilter extends ots.Filter.$Properties {
    }

    /** Represents a Filter. */
    class Filter {

        /**
         * Constructs a new Filter.
         * @param [properties] Properties to set
         */
        constructor(properties?: ots.Filter.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Filter type. */
        type: ots.FilterType;

        /** Filter filter. */
        filter: Uint8Array;

        /**
         * Encodes the specified Filter message. Does not implicitly {@link ots.Filter.verify|verify} messages.
         * @param message Filter message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: ots.Filter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Filter message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {ots.Filter & ots.Filter.$Shape} Filter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): ots.Filter & ots.Filter.$Shape;
    }

    namespace Filter {

        /** Properties of a Filter. */
        interface $Properties {

            /** Filter type */
            type: ots.FilterType;

            /** Filter filter */
            filter: Uint8Array;

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Filter. */
        type $Shape = ots.Filter.$Properties;
    }
}
