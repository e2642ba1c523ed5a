/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const ots = $root.ots = (() => {

    /**
     * Namespace ots.
     * @exports ots
     * @namespace
     */
    const ots = {};

    ots.Error = (function() {

        /**
         * Properties of an Error.
         * @typedef {Object} ots.Error.$Properties
         * @property {string} code Error code
         * @property {string|null} [message] Error message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Error.
         * @memberof ots
         * @interface IError
         * @augments ots.Error.$Properties
         * @deprecated Use ots.Error.$Properties instead.
         */

        /**
         * Shape of an Error.
         * @typedef {ots.Error.$Properties} ots.Error.$Shape
         */

        /**
         * Constructs a new Error.
         * @memberof ots
         * @classdesc Represents an Error.
         * @constructor
         * @param {ots.Error.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Error = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Error code.
         * @member {string} code
         * @memberof ots.Error
         * @instance
         */
        Error.prototype.code = "";

        /**
         * Error message.
         * @member {string} message
         * @memberof ots.Error
         * @instance
         */
        Error.prototype.message = "";

        /**
         * Encodes the specified Error message. Does not implicitly {@link ots.Error.verify|verify} messages.
         * @function encode
         * @memberof ots.Error
         * @static
         * @param {ots.Error.$Properties} message Error message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Error.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @function decode
         * @memberof ots.Error
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.Error & ots.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Error.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.Error();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.code = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.message = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "code"))
                throw $util.ProtocolError("missing required 'code'", { instance: message });
            return message;
        };

        return Error;
    })();

    /**
     * PrimaryKeyType enum.
     * @name ots.PrimaryKeyType
     * @enum {number}
     * @property {number} INTEGER=1 INTEGER value
     * @property {number} STRING=2 STRING value
     * @property {number} BINARY=3 BINARY value
     */
    ots.PrimaryKeyType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "INTEGER"] = 1;
        values[valuesById[2] = "STRING"] = 2;
        values[valuesById[3] = "BINARY"] = 3;
        return values;
    })();

    /**
     * PrimaryKeyOption enum.
     * @name ots.PrimaryKeyOption
     * @enum {number}
     * @property {number} AUTO_INCREMENT=1 AUTO_INCREMENT value
     */
    ots.PrimaryKeyOption = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "AUTO_INCREMENT"] = 1;
        return values;
    })();

    ots.PrimaryKeySchema = (function() {

        /**
         * Properties of a PrimaryKeySchema.
         * @typedef {Object} ots.PrimaryKeySchema.$Properties
         * @property {string} name PrimaryKeySchema name
         * @property {ots.PrimaryKeyType} type PrimaryKeySchema type
         * @property {ots.PrimaryKeyOption|null} [option] PrimaryKeySchema option
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PrimaryKeySchema.
         * @memberof ots
         * @interface IPrimaryKeySchema
         * @augments ots.PrimaryKeySchema.$Properties
         * @deprecated Use ots.PrimaryKeySchema.$Properties instead.
         */

        /**
         * Shape of a PrimaryKeySchema.
         * @typedef {ots.PrimaryKeySchema.$Properties} ots.PrimaryKeySchema.$Shape
         */

        /**
         * Constructs a new PrimaryKeySchema.
         * @memberof ots
         * @classdesc Represents a PrimaryKeySchema.
         * @constructor
         * @param {ots.PrimaryKeySchema.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PrimaryKeySchema = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PrimaryKeySchema name.
         * @member {string} name
         * @memberof ots.PrimaryKeySchema
         * @instance
         */
        PrimaryKeySchema.prototype.name = "";

        /**
         * PrimaryKeySchema type.
         * @member {ots.PrimaryKeyType} type
         * @memberof ots.PrimaryKeySchema
         * @instance
         */
        PrimaryKeySchema.prototype.type = 1;

        /**
         * PrimaryKeySchema option.
         * @member {ots.PrimaryKeyOption} option
         * @memberof ots.PrimaryKeySchema
         * @instance
         */
        PrimaryKeySchema.prototype.option = 1;

        /**
         * Encodes the specified PrimaryKeySchema message. Does not implicitly {@link ots.PrimaryKeySchema.verify|verify} messages.
         * @function encode
         * @memberof ots.PrimaryKeySchema
         * @static
         * @param {ots.PrimaryKeySchema.$Properties} message PrimaryKeySchema message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PrimaryKeySchema.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
            if (message.option != null && $Object.hasOwnProperty.call(message, "option"))
                writer.uint32(/* id 3, wireType 0 =*/24).int32(message.option);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PrimaryKeySchema message from the specified reader or buffer.
         * @function decode
         * @memberof ots.PrimaryKeySchema
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.PrimaryKeySchema & ots.PrimaryKeySchema.$Shape} PrimaryKeySchema
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PrimaryKeySchema.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.PrimaryKeySchema();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.name = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.PrimaryKeyType[value] !== $undefined)
                            message.type = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.PrimaryKeyOption[value] !== $undefined)
                            message.option = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "name"))
                throw $util.ProtocolError("missing required 'name'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "type"))
                throw $util.ProtocolError("missing required 'type'", { instance: message });
            return message;
        };

        return PrimaryKeySchema;
    })();

    ots.TableOptions = (function() {

        /**
         * Properties of a TableOptions.
         * @typedef {Object} ots.TableOptions.$Properties
         * @property {number|null} [timeToLive] TableOptions timeToLive
         * @property {number|null} [maxVersions] TableOptions maxVersions
         * @property {boolean|null} [allowUpdate] TableOptions allowUpdate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TableOptions.
         * @memberof ots
         * @interface ITableOptions
         * @augments ots.TableOptions.$Properties
         * @deprecated Use ots.TableOptions.$Properties instead.
         */

        /**
         * Shape of a TableOptions.
         * @typedef {ots.TableOptions.$Properties} ots.TableOptions.$Shape
         */

        /**
         * Constructs a new TableOptions.
         * @memberof ots
         * @classdesc Represents a TableOptions.
         * @constructor
         * @param {ots.TableOptions.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TableOptions = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TableOptions timeToLive.
         * @member {number} timeToLive
         * @memberof ots.TableOptions
         * @instance
         */
        TableOptions.prototype.timeToLive = 0;

        /**
         * TableOptions maxVersions.
         * @member {number} maxVersions
         * @memberof ots.TableOptions
         * @instance
         */
        TableOptions.prototype.maxVersions = 0;

        /**
         * TableOptions allowUpdate.
         * @member {boolean} allowUpdate
         * @memberof ots.TableOptions
         * @instance
         */
        TableOptions.prototype.allowUpdate = false;

        /**
         * Encodes the specified TableOptions message. Does not implicitly {@link ots.TableOptions.verify|verify} messages.
         * @function encode
         * @memberof ots.TableOptions
         * @static
         * @param {ots.TableOptions.$Properties} message TableOptions message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TableOptions.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.timeToLive != null && $Object.hasOwnProperty.call(message, "timeToLive"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.timeToLive);
            if (message.maxVersions != null && $Object.hasOwnProperty.call(message, "maxVersions"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.maxVersions);
            if (message.allowUpdate != null && $Object.hasOwnProperty.call(message, "allowUpdate"))
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.allowUpdate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TableOptions message from the specified reader or buffer.
         * @function decode
         * @memberof ots.TableOptions
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.TableOptions & ots.TableOptions.$Shape} TableOptions
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TableOptions.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.TableOptions();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        message.timeToLive = reader.int32();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.maxVersions = reader.int32();
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.allowUpdate = reader.bool();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return TableOptions;
    })();

    ots.TableMeta = (function() {

        /**
         * Properties of a TableMeta.
         * @typedef {Object} ots.TableMeta.$Properties
         * @property {string} tableName TableMeta tableName
         * @property {Array.<ots.PrimaryKeySchema.$Properties>|null} [primaryKey] TableMeta primaryKey
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TableMeta.
         * @memberof ots
         * @interface ITableMeta
         * @augments ots.TableMeta.$Properties
         * @deprecated Use ots.TableMeta.$Properties instead.
         */

        /**
         * Shape of a TableMeta.
         * @typedef {ots.TableMeta.$Properties} ots.TableMeta.$Shape
         */

        /**
         * Constructs a new TableMeta.
         * @memberof ots
         * @classdesc Represents a TableMeta.
         * @constructor
         * @param {ots.TableMeta.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TableMeta = function (properties) {
            this.primaryKey = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TableMeta tableName.
         * @member {string} tableName
         * @memberof ots.TableMeta
         * @instance
         */
        TableMeta.prototype.tableName = "";

        /**
         * TableMeta primaryKey.
         * @member {Array.<ots.PrimaryKeySchema.$Properties>} primaryKey
         * @memberof ots.TableMeta
         * @instance
         */
        TableMeta.prototype.primaryKey = $util.emptyArray;

        /**
         * Encodes the specified TableMeta message. Does not implicitly {@link ots.TableMeta.verify|verify} messages.
         * @function encode
         * @memberof ots.TableMeta
         * @static
         * @param {ots.TableMeta.$Properties} message TableMeta message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TableMeta.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            if (message.primaryKey != null && message.primaryKey.length)
                for (let i = 0; i < message.primaryKey.length; ++i)
                    $root.ots.PrimaryKeySchema.encode(message.primaryKey[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TableMeta message from the specified reader or buffer.
         * @function decode
         * @memberof ots.TableMeta
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.TableMeta & ots.TableMeta.$Shape} TableMeta
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TableMeta.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.TableMeta();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.primaryKey && message.primaryKey.length))
                            message.primaryKey = [];
                        message.primaryKey.push($root.ots.PrimaryKeySchema.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            return message;
        };

        return TableMeta;
    })();

    /**
     * TableStatus enum.
     * @name ots.TableStatus
     * @enum {number}
     * @property {number} ACTIVE=1 ACTIVE value
     * @property {number} INACTIVE=2 INACTIVE value
     * @property {number} LOADING=3 LOADING value
     * @property {number} UNLOADING=4 UNLOADING value
     * @property {number} UPDATING=5 UPDATING value
     */
    ots.TableStatus = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "ACTIVE"] = 1;
        values[valuesById[2] = "INACTIVE"] = 2;
        values[valuesById[3] = "LOADING"] = 3;
        values[valuesById[4] = "UNLOADING"] = 4;
        values[valuesById[5] = "UPDATING"] = 5;
        return values;
    })();

    /**
     * RowExistenceExpectation enum.
     * @name ots.RowExistenceExpectation
     * @enum {number}
     * @property {number} IGNORE=0 IGNORE value
     * @property {number} EXPECT_EXIST=1 EXPECT_EXIST value
     * @property {number} EXPECT_NOT_EXIST=2 EXPECT_NOT_EXIST value
     */
    ots.RowExistenceExpectation = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "IGNORE"] = 0;
        values[valuesById[1] = "EXPECT_EXIST"] = 1;
        values[valuesById[2] = "EXPECT_NOT_EXIST"] = 2;
        return values;
    })();

    ots.Condition = (function() {

        /**
         * Properties of a Condition.
         * @typedef {Object} ots.Condition.$Properties
         * @property {ots.RowExistenceExpectation} rowExistence Condition rowExistence
         * @property {Uint8Array|null} [columnCondition] Condition columnCondition
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Condition.
         * @memberof ots
         * @interface ICondition
         * @augments ots.Condition.$Properties
         * @deprecated Use ots.Condition.$Properties instead.
         */

        /**
         * Shape of a Condition.
         * @typedef {ots.Condition.$Properties} ots.Condition.$Shape
         */

        /**
         * Constructs a new Condition.
         * @memberof ots
         * @classdesc Represents a Condition.
         * @constructor
         * @param {ots.Condition.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Condition = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Condition rowExistence.
         * @member {ots.RowExistenceExpectation} rowExistence
         * @memberof ots.Condition
         * @instance
         */
        Condition.prototype.rowExistence = 0;

        /**
         * Condition columnCondition.
         * @member {Uint8Array} columnCondition
         * @memberof ots.Condition
         * @instance
         */
        Condition.prototype.columnCondition = $util.newBuffer([]);

        /**
         * Encodes the specified Condition message. Does not implicitly {@link ots.Condition.verify|verify} messages.
         * @function encode
         * @memberof ots.Condition
         * @static
         * @param {ots.Condition.$Properties} message Condition message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Condition.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.rowExistence);
            if (message.columnCondition != null && $Object.hasOwnProperty.call(message, "columnCondition"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.columnCondition);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Condition message from the specified reader or buffer.
         * @function decode
         * @memberof ots.Condition
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.Condition & ots.Condition.$Shape} Condition
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Condition.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.Condition();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.RowExistenceExpectation[value] !== $undefined)
                            message.rowExistence = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.columnCondition = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "rowExistence"))
                throw $util.ProtocolError("missing required 'rowExistence'", { instance: message });
            return message;
        };

        return Condition;
    })();

    ots.CapacityUnit = (function() {

        /**
         * Properties of a CapacityUnit.
         * @typedef {Object} ots.CapacityUnit.$Properties
         * @property {number|null} [read] CapacityUnit read
         * @property {number|null} [write] CapacityUnit write
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CapacityUnit.
         * @memberof ots
         * @interface ICapacityUnit
         * @augments ots.CapacityUnit.$Properties
         * @deprecated Use ots.CapacityUnit.$Properties instead.
         */

        /**
         * Shape of a CapacityUnit.
         * @typedef {ots.CapacityUnit.$Properties} ots.CapacityUnit.$Shape
         */

        /**
         * Constructs a new CapacityUnit.
         * @memberof ots
         * @classdesc Represents a CapacityUnit.
         * @constructor
         * @param {ots.CapacityUnit.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CapacityUnit = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CapacityUnit read.
         * @member {number} read
         * @memberof ots.CapacityUnit
         * @instance
         */
        CapacityUnit.prototype.read = 0;

        /**
         * CapacityUnit write.
         * @member {number} write
         * @memberof ots.CapacityUnit
         * @instance
         */
        CapacityUnit.prototype.write = 0;

        /**
         * Encodes the specified CapacityUnit message. Does not implicitly {@link ots.CapacityUnit.verify|verify} messages.
         * @function encode
         * @memberof ots.CapacityUnit
         * @static
         * @param {ots.CapacityUnit.$Properties} message CapacityUnit message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CapacityUnit.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.read != null && $Object.hasOwnProperty.call(message, "read"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.read);
            if (message.write != null && $Object.hasOwnProperty.call(message, "write"))
                writer.uint32(/* id 2, wireType 0 =*/16).int32(message.write);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CapacityUnit message from the specified reader or buffer.
         * @function decode
         * @memberof ots.CapacityUnit
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.CapacityUnit & ots.CapacityUnit.$Shape} CapacityUnit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CapacityUnit.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.CapacityUnit();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        message.read = reader.int32();
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.write = reader.int32();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CapacityUnit;
    })();

    ots.ReservedThroughputDetails = (function() {

        /**
         * Properties of a ReservedThroughputDetails.
         * @typedef {Object} ots.ReservedThroughputDetails.$Properties
         * @property {ots.CapacityUnit.$Properties} capacityUnit ReservedThroughputDetails capacityUnit
         * @property {number} lastIncreaseTime ReservedThroughputDetails lastIncreaseTime
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReservedThroughputDetails.
         * @memberof ots
         * @interface IReservedThroughputDetails
         * @augments ots.ReservedThroughputDetails.$Properties
         * @deprecated Use ots.ReservedThroughputDetails.$Properties instead.
         */

        /**
         * Shape of a ReservedThroughputDetails.
         * @typedef {ots.ReservedThroughputDetails.$Properties} ots.ReservedThroughputDetails.$Shape
         */

        /**
         * Constructs a new ReservedThroughputDetails.
         * @memberof ots
         * @classdesc Represents a ReservedThroughputDetails.
         * @constructor
         * @param {ots.ReservedThroughputDetails.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReservedThroughputDetails = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReservedThroughputDetails capacityUnit.
         * @member {ots.CapacityUnit.$Properties} capacityUnit
         * @memberof ots.ReservedThroughputDetails
         * @instance
         */
        ReservedThroughputDetails.prototype.capacityUnit = null;

        /**
         * ReservedThroughputDetails lastIncreaseTime.
         * @member {number} lastIncreaseTime
         * @memberof ots.ReservedThroughputDetails
         * @instance
         */
        ReservedThroughputDetails.prototype.lastIncreaseTime = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        /**
         * Encodes the specified ReservedThroughputDetails message. Does not implicitly {@link ots.ReservedThroughputDetails.verify|verify} messages.
         * @function encode
         * @memberof ots.ReservedThroughputDetails
         * @static
         * @param {ots.ReservedThroughputDetails.$Properties} message ReservedThroughputDetails message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReservedThroughputDetails.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.CapacityUnit.encode(message.capacityUnit, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            writer.uint32(/* id 2, wireType 0 =*/16).int64(message.lastIncreaseTime);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReservedThroughputDetails message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ReservedThroughputDetails
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ReservedThroughputDetails & ots.ReservedThroughputDetails.$Shape} ReservedThroughputDetails
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReservedThroughputDetails.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ReservedThroughputDetails();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.capacityUnit = $root.ots.CapacityUnit.decode(reader, reader.size(), $undefined, _depth + 1, message.capacityUnit);
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.lastIncreaseTime = reader.int64();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "capacityUnit"))
                throw $util.ProtocolError("missing required 'capacityUnit'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "lastIncreaseTime"))
                throw $util.ProtocolError("missing required 'lastIncreaseTime'", { instance: message });
            return message;
        };

        return ReservedThroughputDetails;
    })();

    ots.ReservedThroughput = (function() {

        /**
         * Properties of a ReservedThroughput.
         * @typedef {Object} ots.ReservedThroughput.$Properties
         * @property {ots.CapacityUnit.$Properties} capacityUnit ReservedThroughput capacityUnit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReservedThroughput.
         * @memberof ots
         * @interface IReservedThroughput
         * @augments ots.ReservedThroughput.$Properties
         * @deprecated Use ots.ReservedThroughput.$Properties instead.
         */

        /**
         * Shape of a ReservedThroughput.
         * @typedef {ots.ReservedThroughput.$Properties} ots.ReservedThroughput.$Shape
         */

        /**
         * Constructs a new ReservedThroughput.
         * @memberof ots
         * @classdesc Represents a ReservedThroughput.
         * @constructor
         * @param {ots.ReservedThroughput.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReservedThroughput = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReservedThroughput capacityUnit.
         * @member {ots.CapacityUnit.$Properties} capacityUnit
         * @memberof ots.ReservedThroughput
         * @instance
         */
        ReservedThroughput.prototype.capacityUnit = null;

        /**
         * Encodes the specified ReservedThroughput message. Does not implicitly {@link ots.ReservedThroughput.verify|verify} messages.
         * @function encode
         * @memberof ots.ReservedThroughput
         * @static
         * @param {ots.ReservedThroughput.$Properties} message ReservedThroughput message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReservedThroughput.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.CapacityUnit.encode(message.capacityUnit, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReservedThroughput message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ReservedThroughput
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ReservedThroughput & ots.ReservedThroughput.$Shape} ReservedThroughput
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReservedThroughput.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ReservedThroughput();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.capacityUnit = $root.ots.CapacityUnit.decode(reader, reader.size(), $undefined, _depth + 1, message.capacityUnit);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "capacityUnit"))
                throw $util.ProtocolError("missing required 'capacityUnit'", { instance: message });
            return message;
        };

        return ReservedThroughput;
    })();

    ots.ConsumedCapacity = (function() {

        /**
         * Properties of a ConsumedCapacity.
         * @typedef {Object} ots.ConsumedCapacity.$Properties
         * @property {ots.CapacityUnit.$Properties} capacityUnit ConsumedCapacity capacityUnit
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConsumedCapacity.
         * @memberof ots
         * @interface IConsumedCapacity
         * @augments ots.ConsumedCapacity.$Properties
         * @deprecated Use ots.ConsumedCapacity.$Properties instead.
         */

        /**
         * Shape of a ConsumedCapacity.
         * @typedef {ots.ConsumedCapacity.$Properties} ots.ConsumedCapacity.$Shape
         */

        /**
         * Constructs a new ConsumedCapacity.
         * @memberof ots
         * @classdesc Represents a ConsumedCapacity.
         * @constructor
         * @param {ots.ConsumedCapacity.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConsumedCapacity = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ConsumedCapacity capacityUnit.
         * @member {ots.CapacityUnit.$Properties} capacityUnit
         * @memberof ots.ConsumedCapacity
         * @instance
         */
        ConsumedCapacity.prototype.capacityUnit = null;

        /**
         * Encodes the specified ConsumedCapacity message. Does not implicitly {@link ots.ConsumedCapacity.verify|verify} messages.
         * @function encode
         * @memberof ots.ConsumedCapacity
         * @static
         * @param {ots.ConsumedCapacity.$Properties} message ConsumedCapacity message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConsumedCapacity.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.CapacityUnit.encode(message.capacityUnit, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ConsumedCapacity message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ConsumedCapacity
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ConsumedCapacity & ots.ConsumedCapacity.$Shape} ConsumedCapacity
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConsumedCapacity.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ConsumedCapacity();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.capacityUnit = $root.ots.CapacityUnit.decode(reader, reader.size(), $undefined, _depth + 1, message.capacityUnit);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "capacityUnit"))
                throw $util.ProtocolError("missing required 'capacityUnit'", { instance: message });
            return message;
        };

        return ConsumedCapacity;
    })();

    ots.CreateTableRequest = (function() {

        /**
         * Properties of a CreateTableRequest.
         * @typedef {Object} ots.CreateTableRequest.$Properties
         * @property {ots.TableMeta.$Properties} tableMeta CreateTableRequest tableMeta
         * @property {ots.ReservedThroughput.$Properties} reservedThroughput CreateTableRequest reservedThroughput
         * @property {ots.TableOptions.$Properties|null} [tableOptions] CreateTableRequest tableOptions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CreateTableRequest.
         * @memberof ots
         * @interface ICreateTableRequest
         * @augments ots.CreateTableRequest.$Properties
         * @deprecated Use ots.CreateTableRequest.$Properties instead.
         */

        /**
         * Shape of a CreateTableRequest.
         * @typedef {ots.CreateTableRequest.$Properties} ots.CreateTableRequest.$Shape
         */

        /**
         * Constructs a new CreateTableRequest.
         * @memberof ots
         * @classdesc Represents a CreateTableRequest.
         * @constructor
         * @param {ots.CreateTableRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CreateTableRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CreateTableRequest tableMeta.
         * @member {ots.TableMeta.$Properties} tableMeta
         * @memberof ots.CreateTableRequest
         * @instance
         */
        CreateTableRequest.prototype.tableMeta = null;

        /**
         * CreateTableRequest reservedThroughput.
         * @member {ots.ReservedThroughput.$Properties} reservedThroughput
         * @memberof ots.CreateTableRequest
         * @instance
         */
        CreateTableRequest.prototype.reservedThroughput = null;

        /**
         * CreateTableRequest tableOptions.
         * @member {ots.TableOptions.$Properties|null|undefined} tableOptions
         * @memberof ots.CreateTableRequest
         * @instance
         */
        CreateTableRequest.prototype.tableOptions = null;

        /**
         * Encodes the specified CreateTableRequest message. Does not implicitly {@link ots.CreateTableRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.CreateTableRequest
         * @static
         * @param {ots.CreateTableRequest.$Properties} message CreateTableRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CreateTableRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.TableMeta.encode(message.tableMeta, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            $root.ots.ReservedThroughput.encode(message.reservedThroughput, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.tableOptions != null && $Object.hasOwnProperty.call(message, "tableOptions"))
                $root.ots.TableOptions.encode(message.tableOptions, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CreateTableRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.CreateTableRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.CreateTableRequest & ots.CreateTableRequest.$Shape} CreateTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CreateTableRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.CreateTableRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableMeta = $root.ots.TableMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.tableMeta);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.reservedThroughput = $root.ots.ReservedThroughput.decode(reader, reader.size(), $undefined, _depth + 1, message.reservedThroughput);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.tableOptions = $root.ots.TableOptions.decode(reader, reader.size(), $undefined, _depth + 1, message.tableOptions);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableMeta"))
                throw $util.ProtocolError("missing required 'tableMeta'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "reservedThroughput"))
                throw $util.ProtocolError("missing required 'reservedThroughput'", { instance: message });
            return message;
        };

        return CreateTableRequest;
    })();

    ots.CreateTableResponse = (function() {

        /**
         * Properties of a CreateTableResponse.
         * @typedef {Object} ots.CreateTableResponse.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CreateTableResponse.
         * @memberof ots
         * @interface ICreateTableResponse
         * @augments ots.CreateTableResponse.$Properties
         * @deprecated Use ots.CreateTableResponse.$Properties instead.
         */

        /**
         * Shape of a CreateTableResponse.
         * @typedef {ots.CreateTableResponse.$Properties} ots.CreateTableResponse.$Shape
         */

        /**
         * Constructs a new CreateTableResponse.
         * @memberof ots
         * @classdesc Represents a CreateTableResponse.
         * @constructor
         * @param {ots.CreateTableResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CreateTableResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Encodes the specified CreateTableResponse message. Does not implicitly {@link ots.CreateTableResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.CreateTableResponse
         * @static
         * @param {ots.CreateTableResponse.$Properties} message CreateTableResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CreateTableResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CreateTableResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.CreateTableResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.CreateTableResponse & ots.CreateTableResponse.$Shape} CreateTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CreateTableResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.CreateTableResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return CreateTableResponse;
    })();

    ots.DescribeTableRequest = (function() {

        /**
         * Properties of a DescribeTableRequest.
         * @typedef {Object} ots.DescribeTableRequest.$Properties
         * @property {string} tableName DescribeTableRequest tableName
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DescribeTableRequest.
         * @memberof ots
         * @interface IDescribeTableRequest
         * @augments ots.DescribeTableRequest.$Properties
         * @deprecated Use ots.DescribeTableRequest.$Properties instead.
         */

        /**
         * Shape of a DescribeTableRequest.
         * @typedef {ots.DescribeTableRequest.$Properties} ots.DescribeTableRequest.$Shape
         */

        /**
         * Constructs a new DescribeTableRequest.
         * @memberof ots
         * @classdesc Represents a DescribeTableRequest.
         * @constructor
         * @param {ots.DescribeTableRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DescribeTableRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DescribeTableRequest tableName.
         * @member {string} tableName
         * @memberof ots.DescribeTableRequest
         * @instance
         */
        DescribeTableRequest.prototype.tableName = "";

        /**
         * Encodes the specified DescribeTableRequest message. Does not implicitly {@link ots.DescribeTableRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.DescribeTableRequest
         * @static
         * @param {ots.DescribeTableRequest.$Properties} message DescribeTableRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DescribeTableRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DescribeTableRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DescribeTableRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DescribeTableRequest & ots.DescribeTableRequest.$Shape} DescribeTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DescribeTableRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DescribeTableRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            return message;
        };

        return DescribeTableRequest;
    })();

    ots.DescribeTableResponse = (function() {

        /**
         * Properties of a DescribeTableResponse.
         * @typedef {Object} ots.DescribeTableResponse.$Properties
         * @property {ots.TableMeta.$Properties} tableMeta DescribeTableResponse tableMeta
         * @property {ots.ReservedThroughputDetails.$Properties} reservedThroughputDetails DescribeTableResponse reservedThroughputDetails
         * @property {ots.TableOptions.$Properties} tableOptions DescribeTableResponse tableOptions
         * @property {ots.TableStatus} tableStatus DescribeTableResponse tableStatus
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DescribeTableResponse.
         * @memberof ots
         * @interface IDescribeTableResponse
         * @augments ots.DescribeTableResponse.$Properties
         * @deprecated Use ots.DescribeTableResponse.$Properties instead.
         */

        /**
         * Shape of a DescribeTableResponse.
         * @typedef {ots.DescribeTableResponse.$Properties} ots.DescribeTableResponse.$Shape
         */

        /**
         * Constructs a new DescribeTableResponse.
         * @memberof ots
         * @classdesc Represents a DescribeTableResponse.
         * @constructor
         * @param {ots.DescribeTableResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DescribeTableResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DescribeTableResponse tableMeta.
         * @member {ots.TableMeta.$Properties} tableMeta
         * @memberof ots.DescribeTableResponse
         * @instance
         */
        DescribeTableResponse.prototype.tableMeta = null;

        /**
         * DescribeTableResponse reservedThroughputDetails.
         * @member {ots.ReservedThroughputDetails.$Properties} reservedThroughputDetails
         * @memberof ots.DescribeTableResponse
         * @instance
         */
        DescribeTableResponse.prototype.reservedThroughputDetails = null;

        /**
         * DescribeTableResponse tableOptions.
         * @member {ots.TableOptions.$Properties} tableOptions
         * @memberof ots.DescribeTableResponse
         * @instance
         */
        DescribeTableResponse.prototype.tableOptions = null;

        /**
         * DescribeTableResponse tableStatus.
         * @member {ots.TableStatus} tableStatus
         * @memberof ots.DescribeTableResponse
         * @instance
         */
        DescribeTableResponse.prototype.tableStatus = 1;

        /**
         * Encodes the specified DescribeTableResponse message. Does not implicitly {@link ots.DescribeTableResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.DescribeTableResponse
         * @static
         * @param {ots.DescribeTableResponse.$Properties} message DescribeTableResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DescribeTableResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.TableMeta.encode(message.tableMeta, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            $root.ots.ReservedThroughputDetails.encode(message.reservedThroughputDetails, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            $root.ots.TableOptions.encode(message.tableOptions, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            writer.uint32(/* id 4, wireType 0 =*/32).int32(message.tableStatus);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DescribeTableResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DescribeTableResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DescribeTableResponse & ots.DescribeTableResponse.$Shape} DescribeTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DescribeTableResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DescribeTableResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableMeta = $root.ots.TableMeta.decode(reader, reader.size(), $undefined, _depth + 1, message.tableMeta);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.reservedThroughputDetails = $root.ots.ReservedThroughputDetails.decode(reader, reader.size(), $undefined, _depth + 1, message.reservedThroughputDetails);
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.tableOptions = $root.ots.TableOptions.decode(reader, reader.size(), $undefined, _depth + 1, message.tableOptions);
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.TableStatus[value] !== $undefined)
                            message.tableStatus = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableMeta"))
                throw $util.ProtocolError("missing required 'tableMeta'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "reservedThroughputDetails"))
                throw $util.ProtocolError("missing required 'reservedThroughputDetails'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "tableOptions"))
                throw $util.ProtocolError("missing required 'tableOptions'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "tableStatus"))
                throw $util.ProtocolError("missing required 'tableStatus'", { instance: message });
            return message;
        };

        return DescribeTableResponse;
    })();

    ots.ListTableRequest = (function() {

        /**
         * Properties of a ListTableRequest.
         * @typedef {Object} ots.ListTableRequest.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListTableRequest.
         * @memberof ots
         * @interface IListTableRequest
         * @augments ots.ListTableRequest.$Properties
         * @deprecated Use ots.ListTableRequest.$Properties instead.
         */

        /**
         * Shape of a ListTableRequest.
         * @typedef {ots.ListTableRequest.$Properties} ots.ListTableRequest.$Shape
         */

        /**
         * Constructs a new ListTableRequest.
         * @memberof ots
         * @classdesc Represents a ListTableRequest.
         * @constructor
         * @param {ots.ListTableRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ListTableRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Encodes the specified ListTableRequest message. Does not implicitly {@link ots.ListTableRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.ListTableRequest
         * @static
         * @param {ots.ListTableRequest.$Properties} message ListTableRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListTableRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListTableRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ListTableRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ListTableRequest & ots.ListTableRequest.$Shape} ListTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListTableRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ListTableRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListTableRequest;
    })();

    ots.ListTableResponse = (function() {

        /**
         * Properties of a ListTableResponse.
         * @typedef {Object} ots.ListTableResponse.$Properties
         * @property {Array.<string>|null} [tableNames] ListTableResponse tableNames
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ListTableResponse.
         * @memberof ots
         * @interface IListTableResponse
         * @augments ots.ListTableResponse.$Properties
         * @deprecated Use ots.ListTableResponse.$Properties instead.
         */

        /**
         * Shape of a ListTableResponse.
         * @typedef {ots.ListTableResponse.$Properties} ots.ListTableResponse.$Shape
         */

        /**
         * Constructs a new ListTableResponse.
         * @memberof ots
         * @classdesc Represents a ListTableResponse.
         * @constructor
         * @param {ots.ListTableResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ListTableResponse = function (properties) {
            this.tableNames = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ListTableResponse tableNames.
         * @member {Array.<string>} tableNames
         * @memberof ots.ListTableResponse
         * @instance
         */
        ListTableResponse.prototype.tableNames = $util.emptyArray;

        /**
         * Encodes the specified ListTableResponse message. Does not implicitly {@link ots.ListTableResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.ListTableResponse
         * @static
         * @param {ots.ListTableResponse.$Properties} message ListTableResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ListTableResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tableNames != null && message.tableNames.length)
                for (let i = 0; i < message.tableNames.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableNames[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ListTableResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ListTableResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ListTableResponse & ots.ListTableResponse.$Shape} ListTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ListTableResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ListTableResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.tableNames && message.tableNames.length))
                            message.tableNames = [];
                        message.tableNames.push(reader.string());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ListTableResponse;
    })();

    ots.DeleteTableRequest = (function() {

        /**
         * Properties of a DeleteTableRequest.
         * @typedef {Object} ots.DeleteTableRequest.$Properties
         * @property {string} tableName DeleteTableRequest tableName
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteTableRequest.
         * @memberof ots
         * @interface IDeleteTableRequest
         * @augments ots.DeleteTableRequest.$Properties
         * @deprecated Use ots.DeleteTableRequest.$Properties instead.
         */

        /**
         * Shape of a DeleteTableRequest.
         * @typedef {ots.DeleteTableRequest.$Properties} ots.DeleteTableRequest.$Shape
         */

        /**
         * Constructs a new DeleteTableRequest.
         * @memberof ots
         * @classdesc Represents a DeleteTableRequest.
         * @constructor
         * @param {ots.DeleteTableRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteTableRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeleteTableRequest tableName.
         * @member {string} tableName
         * @memberof ots.DeleteTableRequest
         * @instance
         */
        DeleteTableRequest.prototype.tableName = "";

        /**
         * Encodes the specified DeleteTableRequest message. Does not implicitly {@link ots.DeleteTableRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.DeleteTableRequest
         * @static
         * @param {ots.DeleteTableRequest.$Properties} message DeleteTableRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteTableRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteTableRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DeleteTableRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DeleteTableRequest & ots.DeleteTableRequest.$Shape} DeleteTableRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteTableRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DeleteTableRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            return message;
        };

        return DeleteTableRequest;
    })();

    ots.DeleteTableResponse = (function() {

        /**
         * Properties of a DeleteTableResponse.
         * @typedef {Object} ots.DeleteTableResponse.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteTableResponse.
         * @memberof ots
         * @interface IDeleteTableResponse
         * @augments ots.DeleteTableResponse.$Properties
         * @deprecated Use ots.DeleteTableResponse.$Properties instead.
         */

        /**
         * Shape of a DeleteTableResponse.
         * @typedef {ots.DeleteTableResponse.$Properties} ots.DeleteTableResponse.$Shape
         */

        /**
         * Constructs a new DeleteTableResponse.
         * @memberof ots
         * @classdesc Represents a DeleteTableResponse.
         * @constructor
         * @param {ots.DeleteTableResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteTableResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Encodes the specified DeleteTableResponse message. Does not implicitly {@link ots.DeleteTableResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.DeleteTableResponse
         * @static
         * @param {ots.DeleteTableResponse.$Properties} message DeleteTableResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteTableResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteTableResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DeleteTableResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DeleteTableResponse & ots.DeleteTableResponse.$Shape} DeleteTableResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteTableResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DeleteTableResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return DeleteTableResponse;
    })();

    /**
     * ReturnType enum.
     * @name ots.ReturnType
     * @enum {number}
     * @property {number} RT_NONE=0 RT_NONE value
     * @property {number} RT_PK=1 RT_PK value
     * @property {number} RT_AFTER_MODIFY=2 RT_AFTER_MODIFY value
     */
    ots.ReturnType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "RT_NONE"] = 0;
        values[valuesById[1] = "RT_PK"] = 1;
        values[valuesById[2] = "RT_AFTER_MODIFY"] = 2;
        return values;
    })();

    ots.ReturnContent = (function() {

        /**
         * Properties of a ReturnContent.
         * @typedef {Object} ots.ReturnContent.$Properties
         * @property {ots.ReturnType|null} [returnType] ReturnContent returnType
         * @property {Array.<string>|null} [returnColumnNames] ReturnContent returnColumnNames
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ReturnContent.
         * @memberof ots
         * @interface IReturnContent
         * @augments ots.ReturnContent.$Properties
         * @deprecated Use ots.ReturnContent.$Properties instead.
         */

        /**
         * Shape of a ReturnContent.
         * @typedef {ots.ReturnContent.$Properties} ots.ReturnContent.$Shape
         */

        /**
         * Constructs a new ReturnContent.
         * @memberof ots
         * @classdesc Represents a ReturnContent.
         * @constructor
         * @param {ots.ReturnContent.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ReturnContent = function (properties) {
            this.returnColumnNames = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ReturnContent returnType.
         * @member {ots.ReturnType} returnType
         * @memberof ots.ReturnContent
         * @instance
         */
        ReturnContent.prototype.returnType = 0;

        /**
         * ReturnContent returnColumnNames.
         * @member {Array.<string>} returnColumnNames
         * @memberof ots.ReturnContent
         * @instance
         */
        ReturnContent.prototype.returnColumnNames = $util.emptyArray;

        /**
         * Encodes the specified ReturnContent message. Does not implicitly {@link ots.ReturnContent.verify|verify} messages.
         * @function encode
         * @memberof ots.ReturnContent
         * @static
         * @param {ots.ReturnContent.$Properties} message ReturnContent message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ReturnContent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.returnType != null && $Object.hasOwnProperty.call(message, "returnType"))
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.returnType);
            if (message.returnColumnNames != null && message.returnColumnNames.length)
                for (let i = 0; i < message.returnColumnNames.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.returnColumnNames[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ReturnContent message from the specified reader or buffer.
         * @function decode
         * @memberof ots.ReturnContent
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.ReturnContent & ots.ReturnContent.$Shape} ReturnContent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ReturnContent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.ReturnContent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.ReturnType[value] !== $undefined)
                            message.returnType = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.returnColumnNames && message.returnColumnNames.length))
                            message.returnColumnNames = [];
                        message.returnColumnNames.push(reader.string());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        return ReturnContent;
    })();

    ots.GetRowRequest = (function() {

        /**
         * Properties of a GetRowRequest.
         * @typedef {Object} ots.GetRowRequest.$Properties
         * @property {string} tableName GetRowRequest tableName
         * @property {Uint8Array} primaryKey GetRowRequest primaryKey
         * @property {Array.<string>|null} [columnsToGet] GetRowRequest columnsToGet
         * @property {number|null} [maxVersions] GetRowRequest maxVersions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GetRowRequest.
         * @memberof ots
         * @interface IGetRowRequest
         * @augments ots.GetRowRequest.$Properties
         * @deprecated Use ots.GetRowRequest.$Properties instead.
         */

        /**
         * Shape of a GetRowRequest.
         * @typedef {ots.GetRowRequest.$Properties} ots.GetRowRequest.$Shape
         */

        /**
         * Constructs a new GetRowRequest.
         * @memberof ots
         * @classdesc Represents a GetRowRequest.
         * @constructor
         * @param {ots.GetRowRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GetRowRequest = function (properties) {
            this.columnsToGet = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GetRowRequest tableName.
         * @member {string} tableName
         * @memberof ots.GetRowRequest
         * @instance
         */
        GetRowRequest.prototype.tableName = "";

        /**
         * GetRowRequest primaryKey.
         * @member {Uint8Array} primaryKey
         * @memberof ots.GetRowRequest
         * @instance
         */
        GetRowRequest.prototype.primaryKey = $util.newBuffer([]);

        /**
         * GetRowRequest columnsToGet.
         * @member {Array.<string>} columnsToGet
         * @memberof ots.GetRowRequest
         * @instance
         */
        GetRowRequest.prototype.columnsToGet = $util.emptyArray;

        /**
         * GetRowRequest maxVersions.
         * @member {number} maxVersions
         * @memberof ots.GetRowRequest
         * @instance
         */
        GetRowRequest.prototype.maxVersions = 0;

        /**
         * Encodes the specified GetRowRequest message. Does not implicitly {@link ots.GetRowRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.GetRowRequest
         * @static
         * @param {ots.GetRowRequest.$Properties} message GetRowRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GetRowRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.primaryKey);
            if (message.columnsToGet != null && message.columnsToGet.length)
                for (let i = 0; i < message.columnsToGet.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.columnsToGet[i]);
            if (message.maxVersions != null && $Object.hasOwnProperty.call(message, "maxVersions"))
                writer.uint32(/* id 5, wireType 0 =*/40).int32(message.maxVersions);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GetRowRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.GetRowRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.GetRowRequest & ots.GetRowRequest.$Shape} GetRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GetRowRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.GetRowRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.primaryKey = reader.bytes();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.columnsToGet && message.columnsToGet.length))
                            message.columnsToGet = [];
                        message.columnsToGet.push(reader.string());
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.maxVersions = reader.int32();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "primaryKey"))
                throw $util.ProtocolError("missing required 'primaryKey'", { instance: message });
            return message;
        };

        return GetRowRequest;
    })();

    ots.GetRowResponse = (function() {

        /**
         * Properties of a GetRowResponse.
         * @typedef {Object} ots.GetRowResponse.$Properties
         * @property {ots.ConsumedCapacity.$Properties} consumed GetRowResponse consumed
         * @property {Uint8Array} row GetRowResponse row
         * @property {Uint8Array|null} [nextToken] GetRowResponse nextToken
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a GetRowResponse.
         * @memberof ots
         * @interface IGetRowResponse
         * @augments ots.GetRowResponse.$Properties
         * @deprecated Use ots.GetRowResponse.$Properties instead.
         */

        /**
         * Shape of a GetRowResponse.
         * @typedef {ots.GetRowResponse.$Properties} ots.GetRowResponse.$Shape
         */

        /**
         * Constructs a new GetRowResponse.
         * @memberof ots
         * @classdesc Represents a GetRowResponse.
         * @constructor
         * @param {ots.GetRowResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const GetRowResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * GetRowResponse consumed.
         * @member {ots.ConsumedCapacity.$Properties} consumed
         * @memberof ots.GetRowResponse
         * @instance
         */
        GetRowResponse.prototype.consumed = null;

        /**
         * GetRowResponse row.
         * @member {Uint8Array} row
         * @memberof ots.GetRowResponse
         * @instance
         */
        GetRowResponse.prototype.row = $util.newBuffer([]);

        /**
         * GetRowResponse nextToken.
         * @member {Uint8Array} nextToken
         * @memberof ots.GetRowResponse
         * @instance
         */
        GetRowResponse.prototype.nextToken = $util.newBuffer([]);

        /**
         * Encodes the specified GetRowResponse message. Does not implicitly {@link ots.GetRowResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.GetRowResponse
         * @static
         * @param {ots.GetRowResponse.$Properties} message GetRowResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        GetRowResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.ConsumedCapacity.encode(message.consumed, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.row);
            if (message.nextToken != null && $Object.hasOwnProperty.call(message, "nextToken"))
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.nextToken);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a GetRowResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.GetRowResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.GetRowResponse & ots.GetRowResponse.$Shape} GetRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        GetRowResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.GetRowResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.consumed = $root.ots.ConsumedCapacity.decode(reader, reader.size(), $undefined, _depth + 1, message.consumed);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.row = reader.bytes();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.nextToken = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "consumed"))
                throw $util.ProtocolError("missing required 'consumed'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "row"))
                throw $util.ProtocolError("missing required 'row'", { instance: message });
            return message;
        };

        return GetRowResponse;
    })();

    ots.UpdateRowRequest = (function() {

        /**
         * Properties of an UpdateRowRequest.
         * @typedef {Object} ots.UpdateRowRequest.$Properties
         * @property {string} tableName UpdateRowRequest tableName
         * @property {Uint8Array} rowChange UpdateRowRequest rowChange
         * @property {ots.Condition.$Properties} condition UpdateRowRequest condition
         * @property {ots.ReturnContent.$Properties|null} [returnContent] UpdateRowRequest returnContent
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an UpdateRowRequest.
         * @memberof ots
         * @interface IUpdateRowRequest
         * @augments ots.UpdateRowRequest.$Properties
         * @deprecated Use ots.UpdateRowRequest.$Properties instead.
         */

        /**
         * Shape of an UpdateRowRequest.
         * @typedef {ots.UpdateRowRequest.$Properties} ots.UpdateRowRequest.$Shape
         */

        /**
         * Constructs a new UpdateRowRequest.
         * @memberof ots
         * @classdesc Represents an UpdateRowRequest.
         * @constructor
         * @param {ots.UpdateRowRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const UpdateRowRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * UpdateRowRequest tableName.
         * @member {string} tableName
         * @memberof ots.UpdateRowRequest
         * @instance
         */
        UpdateRowRequest.prototype.tableName = "";

        /**
         * UpdateRowRequest rowChange.
         * @member {Uint8Array} rowChange
         * @memberof ots.UpdateRowRequest
         * @instance
         */
        UpdateRowRequest.prototype.rowChange = $util.newBuffer([]);

        /**
         * UpdateRowRequest condition.
         * @member {ots.Condition.$Properties} condition
         * @memberof ots.UpdateRowRequest
         * @instance
         */
        UpdateRowRequest.prototype.condition = null;

        /**
         * UpdateRowRequest returnContent.
         * @member {ots.ReturnContent.$Properties|null|undefined} returnContent
         * @memberof ots.UpdateRowRequest
         * @instance
         */
        UpdateRowRequest.prototype.returnContent = null;

        /**
         * Encodes the specified UpdateRowRequest message. Does not implicitly {@link ots.UpdateRowRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.UpdateRowRequest
         * @static
         * @param {ots.UpdateRowRequest.$Properties} message UpdateRowRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        UpdateRowRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.rowChange);
            $root.ots.Condition.encode(message.condition, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.returnContent != null && $Object.hasOwnProperty.call(message, "returnContent"))
                $root.ots.ReturnContent.encode(message.returnContent, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an UpdateRowRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.UpdateRowRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.UpdateRowRequest & ots.UpdateRowRequest.$Shape} UpdateRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        UpdateRowRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.UpdateRowRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.rowChange = reader.bytes();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.condition = $root.ots.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.condition);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.returnContent = $root.ots.ReturnContent.decode(reader, reader.size(), $undefined, _depth + 1, message.returnContent);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "rowChange"))
                throw $util.ProtocolError("missing required 'rowChange'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "condition"))
                throw $util.ProtocolError("missing required 'condition'", { instance: message });
            return message;
        };

        return UpdateRowRequest;
    })();

    ots.UpdateRowResponse = (function() {

        /**
         * Properties of an UpdateRowResponse.
         * @typedef {Object} ots.UpdateRowResponse.$Properties
         * @property {ots.ConsumedCapacity.$Properties} consumed UpdateRowResponse consumed
         * @property {Uint8Array|null} [row] UpdateRowResponse row
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an UpdateRowResponse.
         * @memberof ots
         * @interface IUpdateRowResponse
         * @augments ots.UpdateRowResponse.$Properties
         * @deprecated Use ots.UpdateRowResponse.$Properties instead.
         */

        /**
         * Shape of an UpdateRowResponse.
         * @typedef {ots.UpdateRowResponse.$Properties} ots.UpdateRowResponse.$Shape
         */

        /**
         * Constructs a new UpdateRowResponse.
         * @memberof ots
         * @classdesc Represents an UpdateRowResponse.
         * @constructor
         * @param {ots.UpdateRowResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const UpdateRowResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * UpdateRowResponse consumed.
         * @member {ots.ConsumedCapacity.$Properties} consumed
         * @memberof ots.UpdateRowResponse
         * @instance
         */
        UpdateRowResponse.prototype.consumed = null;

        /**
         * UpdateRowResponse row.
         * @member {Uint8Array} row
         * @memberof ots.UpdateRowResponse
         * @instance
         */
        UpdateRowResponse.prototype.row = $util.newBuffer([]);

        /**
         * Encodes the specified UpdateRowResponse message. Does not implicitly {@link ots.UpdateRowResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.UpdateRowResponse
         * @static
         * @param {ots.UpdateRowResponse.$Properties} message UpdateRowResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        UpdateRowResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.ConsumedCapacity.encode(message.consumed, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.row != null && $Object.hasOwnProperty.call(message, "row"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.row);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an UpdateRowResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.UpdateRowResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.UpdateRowResponse & ots.UpdateRowResponse.$Shape} UpdateRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        UpdateRowResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.UpdateRowResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.consumed = $root.ots.ConsumedCapacity.decode(reader, reader.size(), $undefined, _depth + 1, message.consumed);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.row = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "consumed"))
                throw $util.ProtocolError("missing required 'consumed'", { instance: message });
            return message;
        };

        return UpdateRowResponse;
    })();

    ots.PutRowRequest = (function() {

        /**
         * Properties of a PutRowRequest.
         * @typedef {Object} ots.PutRowRequest.$Properties
         * @property {string} tableName PutRowRequest tableName
         * @property {Uint8Array} row PutRowRequest row
         * @property {ots.Condition.$Properties} condition PutRowRequest condition
         * @property {ots.ReturnContent.$Properties|null} [returnContent] PutRowRequest returnContent
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PutRowRequest.
         * @memberof ots
         * @interface IPutRowRequest
         * @augments ots.PutRowRequest.$Properties
         * @deprecated Use ots.PutRowRequest.$Properties instead.
         */

        /**
         * Shape of a PutRowRequest.
         * @typedef {ots.PutRowRequest.$Properties} ots.PutRowRequest.$Shape
         */

        /**
         * Constructs a new PutRowRequest.
         * @memberof ots
         * @classdesc Represents a PutRowRequest.
         * @constructor
         * @param {ots.PutRowRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PutRowRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PutRowRequest tableName.
         * @member {string} tableName
         * @memberof ots.PutRowRequest
         * @instance
         */
        PutRowRequest.prototype.tableName = "";

        /**
         * PutRowRequest row.
         * @member {Uint8Array} row
         * @memberof ots.PutRowRequest
         * @instance
         */
        PutRowRequest.prototype.row = $util.newBuffer([]);

        /**
         * PutRowRequest condition.
         * @member {ots.Condition.$Properties} condition
         * @memberof ots.PutRowRequest
         * @instance
         */
        PutRowRequest.prototype.condition = null;

        /**
         * PutRowRequest returnContent.
         * @member {ots.ReturnContent.$Properties|null|undefined} returnContent
         * @memberof ots.PutRowRequest
         * @instance
         */
        PutRowRequest.prototype.returnContent = null;

        /**
         * Encodes the specified PutRowRequest message. Does not implicitly {@link ots.PutRowRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.PutRowRequest
         * @static
         * @param {ots.PutRowRequest.$Properties} message PutRowRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PutRowRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.row);
            $root.ots.Condition.encode(message.condition, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.returnContent != null && $Object.hasOwnProperty.call(message, "returnContent"))
                $root.ots.ReturnContent.encode(message.returnContent, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PutRowRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.PutRowRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.PutRowRequest & ots.PutRowRequest.$Shape} PutRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PutRowRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.PutRowRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.row = reader.bytes();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.condition = $root.ots.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.condition);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.returnContent = $root.ots.ReturnContent.decode(reader, reader.size(), $undefined, _depth + 1, message.returnContent);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "row"))
                throw $util.ProtocolError("missing required 'row'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "condition"))
                throw $util.ProtocolError("missing required 'condition'", { instance: message });
            return message;
        };

        return PutRowRequest;
    })();

    ots.PutRowResponse = (function() {

        /**
         * Properties of a PutRowResponse.
         * @typedef {Object} ots.PutRowResponse.$Properties
         * @property {ots.ConsumedCapacity.$Properties} consumed PutRowResponse consumed
         * @property {Uint8Array|null} [row] PutRowResponse row
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a PutRowResponse.
         * @memberof ots
         * @interface IPutRowResponse
         * @augments ots.PutRowResponse.$Properties
         * @deprecated Use ots.PutRowResponse.$Properties instead.
         */

        /**
         * Shape of a PutRowResponse.
         * @typedef {ots.PutRowResponse.$Properties} ots.PutRowResponse.$Shape
         */

        /**
         * Constructs a new PutRowResponse.
         * @memberof ots
         * @classdesc Represents a PutRowResponse.
         * @constructor
         * @param {ots.PutRowResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const PutRowResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * PutRowResponse consumed.
         * @member {ots.ConsumedCapacity.$Properties} consumed
         * @memberof ots.PutRowResponse
         * @instance
         */
        PutRowResponse.prototype.consumed = null;

        /**
         * PutRowResponse row.
         * @member {Uint8Array} row
         * @memberof ots.PutRowResponse
         * @instance
         */
        PutRowResponse.prototype.row = $util.newBuffer([]);

        /**
         * Encodes the specified PutRowResponse message. Does not implicitly {@link ots.PutRowResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.PutRowResponse
         * @static
         * @param {ots.PutRowResponse.$Properties} message PutRowResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        PutRowResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.ConsumedCapacity.encode(message.consumed, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.row != null && $Object.hasOwnProperty.call(message, "row"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.row);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a PutRowResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.PutRowResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.PutRowResponse & ots.PutRowResponse.$Shape} PutRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        PutRowResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.PutRowResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.consumed = $root.ots.ConsumedCapacity.decode(reader, reader.size(), $undefined, _depth + 1, message.consumed);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.row = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "consumed"))
                throw $util.ProtocolError("missing required 'consumed'", { instance: message });
            return message;
        };

        return PutRowResponse;
    })();

    ots.DeleteRowRequest = (function() {

        /**
         * Properties of a DeleteRowRequest.
         * @typedef {Object} ots.DeleteRowRequest.$Properties
         * @property {string} tableName DeleteRowRequest tableName
         * @property {Uint8Array} primaryKey DeleteRowRequest primaryKey
         * @property {ots.Condition.$Properties} condition DeleteRowRequest condition
         * @property {ots.ReturnContent.$Properties|null} [returnContent] DeleteRowRequest returnContent
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteRowRequest.
         * @memberof ots
         * @interface IDeleteRowRequest
         * @augments ots.DeleteRowRequest.$Properties
         * @deprecated Use ots.DeleteRowRequest.$Properties instead.
         */

        /**
         * Shape of a DeleteRowRequest.
         * @typedef {ots.DeleteRowRequest.$Properties} ots.DeleteRowRequest.$Shape
         */

        /**
         * Constructs a new DeleteRowRequest.
         * @memberof ots
         * @classdesc Represents a DeleteRowRequest.
         * @constructor
         * @param {ots.DeleteRowRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteRowRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeleteRowRequest tableName.
         * @member {string} tableName
         * @memberof ots.DeleteRowRequest
         * @instance
         */
        DeleteRowRequest.prototype.tableName = "";

        /**
         * DeleteRowRequest primaryKey.
         * @member {Uint8Array} primaryKey
         * @memberof ots.DeleteRowRequest
         * @instance
         */
        DeleteRowRequest.prototype.primaryKey = $util.newBuffer([]);

        /**
         * DeleteRowRequest condition.
         * @member {ots.Condition.$Properties} condition
         * @memberof ots.DeleteRowRequest
         * @instance
         */
        DeleteRowRequest.prototype.condition = null;

        /**
         * DeleteRowRequest returnContent.
         * @member {ots.ReturnContent.$Properties|null|undefined} returnContent
         * @memberof ots.DeleteRowRequest
         * @instance
         */
        DeleteRowRequest.prototype.returnContent = null;

        /**
         * Encodes the specified DeleteRowRequest message. Does not implicitly {@link ots.DeleteRowRequest.verify|verify} messages.
         * @function encode
         * @memberof ots.DeleteRowRequest
         * @static
         * @param {ots.DeleteRowRequest.$Properties} message DeleteRowRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteRowRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 2 =*/10).string(message.tableName);
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.primaryKey);
            $root.ots.Condition.encode(message.condition, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.returnContent != null && $Object.hasOwnProperty.call(message, "returnContent"))
                $root.ots.ReturnContent.encode(message.returnContent, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteRowRequest message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DeleteRowRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DeleteRowRequest & ots.DeleteRowRequest.$Shape} DeleteRowRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteRowRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DeleteRowRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.tableName = reader.string();
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.primaryKey = reader.bytes();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.condition = $root.ots.Condition.decode(reader, reader.size(), $undefined, _depth + 1, message.condition);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.returnContent = $root.ots.ReturnContent.decode(reader, reader.size(), $undefined, _depth + 1, message.returnContent);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "tableName"))
                throw $util.ProtocolError("missing required 'tableName'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "primaryKey"))
                throw $util.ProtocolError("missing required 'primaryKey'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "condition"))
                throw $util.ProtocolError("missing required 'condition'", { instance: message });
            return message;
        };

        return DeleteRowRequest;
    })();

    ots.DeleteRowResponse = (function() {

        /**
         * Properties of a DeleteRowResponse.
         * @typedef {Object} ots.DeleteRowResponse.$Properties
         * @property {ots.ConsumedCapacity.$Properties} consumed DeleteRowResponse consumed
         * @property {Uint8Array|null} [row] DeleteRowResponse row
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DeleteRowResponse.
         * @memberof ots
         * @interface IDeleteRowResponse
         * @augments ots.DeleteRowResponse.$Properties
         * @deprecated Use ots.DeleteRowResponse.$Properties instead.
         */

        /**
         * Shape of a DeleteRowResponse.
         * @typedef {ots.DeleteRowResponse.$Properties} ots.DeleteRowResponse.$Shape
         */

        /**
         * Constructs a new DeleteRowResponse.
         * @memberof ots
         * @classdesc Represents a DeleteRowResponse.
         * @constructor
         * @param {ots.DeleteRowResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DeleteRowResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DeleteRowResponse consumed.
         * @member {ots.ConsumedCapacity.$Properties} consumed
         * @memberof ots.DeleteRowResponse
         * @instance
         */
        DeleteRowResponse.prototype.consumed = null;

        /**
         * DeleteRowResponse row.
         * @member {Uint8Array} row
         * @memberof ots.DeleteRowResponse
         * @instance
         */
        DeleteRowResponse.prototype.row = $util.newBuffer([]);

        /**
         * Encodes the specified DeleteRowResponse message. Does not implicitly {@link ots.DeleteRowResponse.verify|verify} messages.
         * @function encode
         * @memberof ots.DeleteRowResponse
         * @static
         * @param {ots.DeleteRowResponse.$Properties} message DeleteRowResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DeleteRowResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            $root.ots.ConsumedCapacity.encode(message.consumed, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.row != null && $Object.hasOwnProperty.call(message, "row"))
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.row);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DeleteRowResponse message from the specified reader or buffer.
         * @function decode
         * @memberof ots.DeleteRowResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.DeleteRowResponse & ots.DeleteRowResponse.$Shape} DeleteRowResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DeleteRowResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.DeleteRowResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.consumed = $root.ots.ConsumedCapacity.decode(reader, reader.size(), $undefined, _depth + 1, message.consumed);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.row = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "consumed"))
                throw $util.ProtocolError("missing required 'consumed'", { instance: message });
            return message;
        };

        return DeleteRowResponse;
    })();

    /**
     * FilterType enum.
     * @name ots.FilterType
     * @enum {number}
     * @property {number} FT_SINGLE_COLUMN_VALUE=1 FT_SINGLE_COLUMN_VALUE value
     * @property {number} FT_COMPOSITE_COLUMN_VALUE=2 FT_COMPOSITE_COLUMN_VALUE value
     */
    ots.FilterType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "FT_SINGLE_COLUMN_VALUE"] = 1;
        values[valuesById[2] = "FT_COMPOSITE_COLUMN_VALUE"] = 2;
        return values;
    })();

    /**
     * ComparatorType enum.
     * @name ots.ComparatorType
     * @enum {number}
     * @property {number} CT_EQUAL=1 CT_EQUAL value
     * @property {number} CT_NOT_EQUAL=2 CT_NOT_EQUAL value
     * @property {number} CT_GREATER_THAN=3 CT_GREATER_THAN value
     * @property {number} CT_GREATER_EQUAL=4 CT_GREATER_EQUAL value
     * @property {number} CT_LESS_THAN=5 CT_LESS_THAN value
     * @property {number} CT_LESS_EQUAL=6 CT_LESS_EQUAL value
     */
    ots.ComparatorType = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "CT_EQUAL"] = 1;
        values[valuesById[2] = "CT_NOT_EQUAL"] = 2;
        values[valuesById[3] = "CT_GREATER_THAN"] = 3;
        values[valuesById[4] = "CT_GREATER_EQUAL"] = 4;
        values[valuesById[5] = "CT_LESS_THAN"] = 5;
        values[valuesById[6] = "CT_LESS_EQUAL"] = 6;
        return values;
    })();

    ots.SingleColumnValueFilter = (function() {

        /**
         * Properties of a SingleColumnValueFilter.
         * @typedef {Object} ots.SingleColumnValueFilter.$Properties
         * @property {ots.ComparatorType} comparator SingleColumnValueFilter comparator
         * @property {string} columnName SingleColumnValueFilter columnName
         * @property {Uint8Array} columnValue SingleColumnValueFilter columnValue
         * @property {boolean} filterIfMissing SingleColumnValueFilter filterIfMissing
         * @property {boolean} latestVersionOnly SingleColumnValueFilter latestVersionOnly
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SingleColumnValueFilter.
         * @memberof ots
         * @interface ISingleColumnValueFilter
         * @augments ots.SingleColumnValueFilter.$Properties
         * @deprecated Use ots.SingleColumnValueFilter.$Properties instead.
         */

        /**
         * Shape of a SingleColumnValueFilter.
         * @typedef {ots.SingleColumnValueFilter.$Properties} ots.SingleColumnValueFilter.$Shape
         */

        /**
         * Constructs a new SingleColumnValueFilter.
         * @memberof ots
         * @classdesc Represents a SingleColumnValueFilter.
         * @constructor
         * @param {ots.SingleColumnValueFilter.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SingleColumnValueFilter = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SingleColumnValueFilter comparator.
         * @member {ots.ComparatorType} comparator
         * @memberof ots.SingleColumnValueFilter
         * @instance
         */
        SingleColumnValueFilter.prototype.comparator = 1;

        /**
         * SingleColumnValueFilter columnName.
         * @member {string} columnName
         * @memberof ots.SingleColumnValueFilter
         * @instance
         */
        SingleColumnValueFilter.prototype.columnName = "";

        /**
         * SingleColumnValueFilter columnValue.
         * @member {Uint8Array} columnValue
         * @memberof ots.SingleColumnValueFilter
         * @instance
         */
        SingleColumnValueFilter.prototype.columnValue = $util.newBuffer([]);

        /**
         * SingleColumnValueFilter filterIfMissing.
         * @member {boolean} filterIfMissing
         * @memberof ots.SingleColumnValueFilter
         * @instance
         */
        SingleColumnValueFilter.prototype.filterIfMissing = false;

        /**
         * SingleColumnValueFilter latestVersionOnly.
         * @member {boolean} latestVersionOnly
         * @memberof ots.SingleColumnValueFilter
         * @instance
         */
        SingleColumnValueFilter.prototype.latestVersionOnly = false;

        /**
         * Encodes the specified SingleColumnValueFilter message. Does not implicitly {@link ots.SingleColumnValueFilter.verify|verify} messages.
         * @function encode
         * @memberof ots.SingleColumnValueFilter
         * @static
         * @param {ots.SingleColumnValueFilter.$Properties} message SingleColumnValueFilter message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SingleColumnValueFilter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.comparator);
            writer.uint32(/* id 2, wireType 2 =*/18).string(message.columnName);
            writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.columnValue);
            writer.uint32(/* id 4, wireType 0 =*/32).bool(message.filterIfMissing);
            writer.uint32(/* id 5, wireType 0 =*/40).bool(message.latestVersionOnly);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SingleColumnValueFilter message from the specified reader or buffer.
         * @function decode
         * @memberof ots.SingleColumnValueFilter
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.SingleColumnValueFilter & ots.SingleColumnValueFilter.$Shape} SingleColumnValueFilter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SingleColumnValueFilter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.SingleColumnValueFilter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.ComparatorType[value] !== $undefined)
                            message.comparator = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.columnName = reader.string();
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.columnValue = reader.bytes();
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        message.filterIfMissing = reader.bool();
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        message.latestVersionOnly = reader.bool();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "comparator"))
                throw $util.ProtocolError("missing required 'comparator'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "columnName"))
                throw $util.ProtocolError("missing required 'columnName'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "columnValue"))
                throw $util.ProtocolError("missing required 'columnValue'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "filterIfMissing"))
                throw $util.ProtocolError("missing required 'filterIfMissing'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "latestVersionOnly"))
                throw $util.ProtocolError("missing required 'latestVersionOnly'", { instance: message });
            return message;
        };

        return SingleColumnValueFilter;
    })();

    /**
     * LogicalOperator enum.
     * @name ots.LogicalOperator
     * @enum {number}
     * @property {number} LO_NOT=1 LO_NOT value
     * @property {number} LO_AND=2 LO_AND value
     * @property {number} LO_OR=3 LO_OR value
     */
    ots.LogicalOperator = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[1] = "LO_NOT"] = 1;
        values[valuesById[2] = "LO_AND"] = 2;
        values[valuesById[3] = "LO_OR"] = 3;
        return values;
    })();

    ots.CompositeColumnValueFilter = (function() {

        /**
         * Properties of a CompositeColumnValueFilter.
         * @typedef {Object} ots.CompositeColumnValueFilter.$Properties
         * @property {ots.LogicalOperator} combinator CompositeColumnValueFilter combinator
         * @property {Array.<ots.Filter.$Properties>|null} [subFilters] CompositeColumnValueFilter subFilters
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CompositeColumnValueFilter.
         * @memberof ots
         * @interface ICompositeColumnValueFilter
         * @augments ots.CompositeColumnValueFilter.$Properties
         * @deprecated Use ots.CompositeColumnValueFilter.$Properties instead.
         */

        /**
         * Shape of a CompositeColumnValueFilter.
         * @typedef {ots.CompositeColumnValueFilter.$Properties} ots.CompositeColumnValueFilter.$Shape
         */

        /**
         * Constructs a new CompositeColumnValueFilter.
         * @memberof ots
         * @classdesc Represents a CompositeColumnValueFilter.
         * @constructor
         * @param {ots.CompositeColumnValueFilter.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CompositeColumnValueFilter = function (properties) {
            this.subFilters = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CompositeColumnValueFilter combinator.
         * @member {ots.LogicalOperator} combinator
         * @memberof ots.CompositeColumnValueFilter
         * @instance
         */
        CompositeColumnValueFilter.prototype.combinator = 1;

        /**
         * CompositeColumnValueFilter subFilters.
         * @member {Array.<ots.Filter.$Properties>} subFilters
         * @memberof ots.CompositeColumnValueFilter
         * @instance
         */
        CompositeColumnValueFilter.prototype.subFilters = $util.emptyArray;

        /**
         * Encodes the specified CompositeColumnValueFilter message. Does not implicitly {@link ots.CompositeColumnValueFilter.verify|verify} messages.
         * @function encode
         * @memberof ots.CompositeColumnValueFilter
         * @static
         * @param {ots.CompositeColumnValueFilter.$Properties} message CompositeColumnValueFilter message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CompositeColumnValueFilter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.combinator);
            if (message.subFilters != null && message.subFilters.length)
                for (let i = 0; i < message.subFilters.length; ++i)
                    $root.ots.Filter.encode(message.subFilters[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CompositeColumnValueFilter message from the specified reader or buffer.
         * @function decode
         * @memberof ots.CompositeColumnValueFilter
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.CompositeColumnValueFilter & ots.CompositeColumnValueFilter.$Shape} CompositeColumnValueFilter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CompositeColumnValueFilter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.CompositeColumnValueFilter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.LogicalOperator[value] !== $undefined)
                            message.combinator = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.subFilters && message.subFilters.length))
                            message.subFilters = [];
                        message.subFilters.push($root.ots.Filter.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "combinator"))
                throw $util.ProtocolError("missing required 'combinator'", { instance: message });
            return message;
        };

        return CompositeColumnValueFilter;
    })();

    ots.Filter = (function() {

        /**
         * Properties of a Filter.
         * @typedef {Object} ots.Filter.$Properties
         * @property {ots.FilterType} type Filter type
         * @property {Uint8Array} filter Filter filter
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Filter.
         * @memberof ots
         * @interface IFilter
         * @augments ots.Filter.$Properties
         * @deprecated Use ots.Filter.$Properties instead.
         */

        /**
         * Shape of a Filter.
         * @typedef {ots.Filter.$Properties} ots.Filter.$Shape
         */

        /**
         * Constructs a new Filter.
         * @memberof ots
         * @classdesc Represents a Filter.
         * @constructor
         * @param {ots.Filter.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Filter = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Filter type.
         * @member {ots.FilterType} type
         * @memberof ots.Filter
         * @instance
         */
        Filter.prototype.type = 1;

        /**
         * Filter filter.
         * @member {Uint8Array} filter
         * @memberof ots.Filter
         * @instance
         */
        Filter.prototype.filter = $util.newBuffer([]);

        /**
         * Encodes the specified Filter message. Does not implicitly {@link ots.Filter.verify|verify} messages.
         * @function encode
         * @memberof ots.Filter
         * @static
         * @param {ots.Filter.$Properties} message Filter message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Filter.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            writer.uint32(/* id 1, wireType 0 =*/8).int32(message.type);
            writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.filter);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Filter message from the specified reader or buffer.
         * @function decode
         * @memberof ots.Filter
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {ots.Filter & ots.Filter.$Shape} Filter
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Filter.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.ots.Filter();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        value = reader.int32();
                        if ($root.ots.FilterType[value] !== $undefined)
                            message.type = value;
                        else if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.filter = reader.bytes();
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            if (!$Object.hasOwnProperty.call(message, "type"))
                throw $util.ProtocolError("missing required 'type'", { instance: message });
            if (!$Object.hasOwnProperty.call(message, "filter"))
                throw $util.ProtocolError("missing required 'filter'", { instance: message });
            return message;
        };

        return Filter;
    })();

    return ots;
})();

export {
  $root as default
};
