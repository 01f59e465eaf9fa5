/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define([], (function () { 'use strict';

  var global$1$1 = (typeof global !== "undefined" ? global :
              typeof self !== "undefined" ? self :
              typeof window !== "undefined" ? window : {});

  var lookup$1 = [];
  var revLookup$1 = [];
  var Arr$1 = typeof Uint8Array !== 'undefined' ? Uint8Array : Array;
  var inited$1 = false;
  function init$1 () {
    inited$1 = true;
    var code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (var i = 0, len = code.length; i < len; ++i) {
      lookup$1[i] = code[i];
      revLookup$1[code.charCodeAt(i)] = i;
    }

    revLookup$1['-'.charCodeAt(0)] = 62;
    revLookup$1['_'.charCodeAt(0)] = 63;
  }

  function toByteArray$1 (b64) {
    if (!inited$1) {
      init$1();
    }
    var i, j, l, tmp, placeHolders, arr;
    var len = b64.length;

    if (len % 4 > 0) {
      throw new Error('Invalid string. Length must be a multiple of 4')
    }

    // the number of equal signs (place holders)
    // if there are two placeholders, than the two characters before it
    // represent one byte
    // if there is only one, then the three characters before it represent 2 bytes
    // this is just a cheap hack to not do indexOf twice
    placeHolders = b64[len - 2] === '=' ? 2 : b64[len - 1] === '=' ? 1 : 0;

    // base64 is 4/3 + up to two characters of the original data
    arr = new Arr$1(len * 3 / 4 - placeHolders);

    // if there are placeholders, only get up to the last complete 4 chars
    l = placeHolders > 0 ? len - 4 : len;

    var L = 0;

    for (i = 0, j = 0; i < l; i += 4, j += 3) {
      tmp = (revLookup$1[b64.charCodeAt(i)] << 18) | (revLookup$1[b64.charCodeAt(i + 1)] << 12) | (revLookup$1[b64.charCodeAt(i + 2)] << 6) | revLookup$1[b64.charCodeAt(i + 3)];
      arr[L++] = (tmp >> 16) & 0xFF;
      arr[L++] = (tmp >> 8) & 0xFF;
      arr[L++] = tmp & 0xFF;
    }

    if (placeHolders === 2) {
      tmp = (revLookup$1[b64.charCodeAt(i)] << 2) | (revLookup$1[b64.charCodeAt(i + 1)] >> 4);
      arr[L++] = tmp & 0xFF;
    } else if (placeHolders === 1) {
      tmp = (revLookup$1[b64.charCodeAt(i)] << 10) | (revLookup$1[b64.charCodeAt(i + 1)] << 4) | (revLookup$1[b64.charCodeAt(i + 2)] >> 2);
      arr[L++] = (tmp >> 8) & 0xFF;
      arr[L++] = tmp & 0xFF;
    }

    return arr
  }

  function tripletToBase64$1 (num) {
    return lookup$1[num >> 18 & 0x3F] + lookup$1[num >> 12 & 0x3F] + lookup$1[num >> 6 & 0x3F] + lookup$1[num & 0x3F]
  }

  function encodeChunk$1 (uint8, start, end) {
    var tmp;
    var output = [];
    for (var i = start; i < end; i += 3) {
      tmp = (uint8[i] << 16) + (uint8[i + 1] << 8) + (uint8[i + 2]);
      output.push(tripletToBase64$1(tmp));
    }
    return output.join('')
  }

  function fromByteArray$1 (uint8) {
    if (!inited$1) {
      init$1();
    }
    var tmp;
    var len = uint8.length;
    var extraBytes = len % 3; // if we have 1 byte left, pad 2 bytes
    var output = '';
    var parts = [];
    var maxChunkLength = 16383; // must be multiple of 3

    // go through the array every three bytes, we'll deal with trailing stuff later
    for (var i = 0, len2 = len - extraBytes; i < len2; i += maxChunkLength) {
      parts.push(encodeChunk$1(uint8, i, (i + maxChunkLength) > len2 ? len2 : (i + maxChunkLength)));
    }

    // pad the end with zeros, but make sure to not forget the extra bytes
    if (extraBytes === 1) {
      tmp = uint8[len - 1];
      output += lookup$1[tmp >> 2];
      output += lookup$1[(tmp << 4) & 0x3F];
      output += '==';
    } else if (extraBytes === 2) {
      tmp = (uint8[len - 2] << 8) + (uint8[len - 1]);
      output += lookup$1[tmp >> 10];
      output += lookup$1[(tmp >> 4) & 0x3F];
      output += lookup$1[(tmp << 2) & 0x3F];
      output += '=';
    }

    parts.push(output);

    return parts.join('')
  }

  function read$1 (buffer, offset, isLE, mLen, nBytes) {
    var e, m;
    var eLen = nBytes * 8 - mLen - 1;
    var eMax = (1 << eLen) - 1;
    var eBias = eMax >> 1;
    var nBits = -7;
    var i = isLE ? (nBytes - 1) : 0;
    var d = isLE ? -1 : 1;
    var s = buffer[offset + i];

    i += d;

    e = s & ((1 << (-nBits)) - 1);
    s >>= (-nBits);
    nBits += eLen;
    for (; nBits > 0; e = e * 256 + buffer[offset + i], i += d, nBits -= 8) {}

    m = e & ((1 << (-nBits)) - 1);
    e >>= (-nBits);
    nBits += mLen;
    for (; nBits > 0; m = m * 256 + buffer[offset + i], i += d, nBits -= 8) {}

    if (e === 0) {
      e = 1 - eBias;
    } else if (e === eMax) {
      return m ? NaN : ((s ? -1 : 1) * Infinity)
    } else {
      m = m + Math.pow(2, mLen);
      e = e - eBias;
    }
    return (s ? -1 : 1) * m * Math.pow(2, e - mLen)
  }

  function write$1 (buffer, value, offset, isLE, mLen, nBytes) {
    var e, m, c;
    var eLen = nBytes * 8 - mLen - 1;
    var eMax = (1 << eLen) - 1;
    var eBias = eMax >> 1;
    var rt = (mLen === 23 ? Math.pow(2, -24) - Math.pow(2, -77) : 0);
    var i = isLE ? 0 : (nBytes - 1);
    var d = isLE ? 1 : -1;
    var s = value < 0 || (value === 0 && 1 / value < 0) ? 1 : 0;

    value = Math.abs(value);

    if (isNaN(value) || value === Infinity) {
      m = isNaN(value) ? 1 : 0;
      e = eMax;
    } else {
      e = Math.floor(Math.log(value) / Math.LN2);
      if (value * (c = Math.pow(2, -e)) < 1) {
        e--;
        c *= 2;
      }
      if (e + eBias >= 1) {
        value += rt / c;
      } else {
        value += rt * Math.pow(2, 1 - eBias);
      }
      if (value * c >= 2) {
        e++;
        c /= 2;
      }

      if (e + eBias >= eMax) {
        m = 0;
        e = eMax;
      } else if (e + eBias >= 1) {
        m = (value * c - 1) * Math.pow(2, mLen);
        e = e + eBias;
      } else {
        m = value * Math.pow(2, eBias - 1) * Math.pow(2, mLen);
        e = 0;
      }
    }

    for (; mLen >= 8; buffer[offset + i] = m & 0xff, i += d, m /= 256, mLen -= 8) {}

    e = (e << mLen) | m;
    eLen += mLen;
    for (; eLen > 0; buffer[offset + i] = e & 0xff, i += d, e /= 256, eLen -= 8) {}

    buffer[offset + i - d] |= s * 128;
  }

  var toString$1 = {}.toString;

  var isArray$1 = Array.isArray || function (arr) {
    return toString$1.call(arr) == '[object Array]';
  };

  var INSPECT_MAX_BYTES$1 = 50;

  /**
   * If `Buffer.TYPED_ARRAY_SUPPORT`:
   *   === true    Use Uint8Array implementation (fastest)
   *   === false   Use Object implementation (most compatible, even IE6)
   *
   * Browsers that support typed arrays are IE 10+, Firefox 4+, Chrome 7+, Safari 5.1+,
   * Opera 11.6+, iOS 4.2+.
   *
   * Due to various browser bugs, sometimes the Object implementation will be used even
   * when the browser supports typed arrays.
   *
   * Note:
   *
   *   - Firefox 4-29 lacks support for adding new properties to `Uint8Array` instances,
   *     See: https://bugzilla.mozilla.org/show_bug.cgi?id=695438.
   *
   *   - Chrome 9-10 is missing the `TypedArray.prototype.subarray` function.
   *
   *   - IE10 has a broken `TypedArray.prototype.subarray` function which returns arrays of
   *     incorrect length in some situations.

   * We detect these buggy browsers and set `Buffer.TYPED_ARRAY_SUPPORT` to `false` so they
   * get the Object implementation, which is slower but behaves correctly.
   */
  Buffer$1.TYPED_ARRAY_SUPPORT = global$1$1.TYPED_ARRAY_SUPPORT !== undefined
    ? global$1$1.TYPED_ARRAY_SUPPORT
    : true;

  /*
   * Export kMaxLength after typed array support is determined.
   */
  kMaxLength$1();

  function kMaxLength$1 () {
    return Buffer$1.TYPED_ARRAY_SUPPORT
      ? 0x7fffffff
      : 0x3fffffff
  }

  function createBuffer$1 (that, length) {
    if (kMaxLength$1() < length) {
      throw new RangeError('Invalid typed array length')
    }
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      // Return an augmented `Uint8Array` instance, for best performance
      that = new Uint8Array(length);
      that.__proto__ = Buffer$1.prototype;
    } else {
      // Fallback: Return an object instance of the Buffer class
      if (that === null) {
        that = new Buffer$1(length);
      }
      that.length = length;
    }

    return that
  }

  /**
   * The Buffer constructor returns instances of `Uint8Array` that have their
   * prototype changed to `Buffer.prototype`. Furthermore, `Buffer` is a subclass of
   * `Uint8Array`, so the returned instances will have all the node `Buffer` methods
   * and the `Uint8Array` methods. Square bracket notation works as expected -- it
   * returns a single octet.
   *
   * The `Uint8Array` prototype remains unmodified.
   */

  function Buffer$1 (arg, encodingOrOffset, length) {
    if (!Buffer$1.TYPED_ARRAY_SUPPORT && !(this instanceof Buffer$1)) {
      return new Buffer$1(arg, encodingOrOffset, length)
    }

    // Common case.
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        throw new Error(
          'If encoding is specified then the first argument must be a string'
        )
      }
      return allocUnsafe$1(this, arg)
    }
    return from$1(this, arg, encodingOrOffset, length)
  }

  Buffer$1.poolSize = 8192; // not used by this implementation

  // TODO: Legacy, not needed anymore. Remove in next major version.
  Buffer$1._augment = function (arr) {
    arr.__proto__ = Buffer$1.prototype;
    return arr
  };

  function from$1 (that, value, encodingOrOffset, length) {
    if (typeof value === 'number') {
      throw new TypeError('"value" argument must not be a number')
    }

    if (typeof ArrayBuffer !== 'undefined' && value instanceof ArrayBuffer) {
      return fromArrayBuffer$1(that, value, encodingOrOffset, length)
    }

    if (typeof value === 'string') {
      return fromString$1(that, value, encodingOrOffset)
    }

    return fromObject$1(that, value)
  }

  /**
   * Functionally equivalent to Buffer(arg, encoding) but throws a TypeError
   * if value is a number.
   * Buffer.from(str[, encoding])
   * Buffer.from(array)
   * Buffer.from(buffer)
   * Buffer.from(arrayBuffer[, byteOffset[, length]])
   **/
  Buffer$1.from = function (value, encodingOrOffset, length) {
    return from$1(null, value, encodingOrOffset, length)
  };

  if (Buffer$1.TYPED_ARRAY_SUPPORT) {
    Buffer$1.prototype.__proto__ = Uint8Array.prototype;
    Buffer$1.__proto__ = Uint8Array;
    if (typeof Symbol !== 'undefined' && Symbol.species &&
        Buffer$1[Symbol.species] === Buffer$1) ;
  }

  function assertSize$1 (size) {
    if (typeof size !== 'number') {
      throw new TypeError('"size" argument must be a number')
    } else if (size < 0) {
      throw new RangeError('"size" argument must not be negative')
    }
  }

  function alloc$1 (that, size, fill, encoding) {
    assertSize$1(size);
    if (size <= 0) {
      return createBuffer$1(that, size)
    }
    if (fill !== undefined) {
      // Only pay attention to encoding if it's a string. This
      // prevents accidentally sending in a number that would
      // be interpretted as a start offset.
      return typeof encoding === 'string'
        ? createBuffer$1(that, size).fill(fill, encoding)
        : createBuffer$1(that, size).fill(fill)
    }
    return createBuffer$1(that, size)
  }

  /**
   * Creates a new filled Buffer instance.
   * alloc(size[, fill[, encoding]])
   **/
  Buffer$1.alloc = function (size, fill, encoding) {
    return alloc$1(null, size, fill, encoding)
  };

  function allocUnsafe$1 (that, size) {
    assertSize$1(size);
    that = createBuffer$1(that, size < 0 ? 0 : checked$1(size) | 0);
    if (!Buffer$1.TYPED_ARRAY_SUPPORT) {
      for (var i = 0; i < size; ++i) {
        that[i] = 0;
      }
    }
    return that
  }

  /**
   * Equivalent to Buffer(num), by default creates a non-zero-filled Buffer instance.
   * */
  Buffer$1.allocUnsafe = function (size) {
    return allocUnsafe$1(null, size)
  };
  /**
   * Equivalent to SlowBuffer(num), by default creates a non-zero-filled Buffer instance.
   */
  Buffer$1.allocUnsafeSlow = function (size) {
    return allocUnsafe$1(null, size)
  };

  function fromString$1 (that, string, encoding) {
    if (typeof encoding !== 'string' || encoding === '') {
      encoding = 'utf8';
    }

    if (!Buffer$1.isEncoding(encoding)) {
      throw new TypeError('"encoding" must be a valid string encoding')
    }

    var length = byteLength$1(string, encoding) | 0;
    that = createBuffer$1(that, length);

    var actual = that.write(string, encoding);

    if (actual !== length) {
      // Writing a hex string, for example, that contains invalid characters will
      // cause everything after the first invalid character to be ignored. (e.g.
      // 'abxxcd' will be treated as 'ab')
      that = that.slice(0, actual);
    }

    return that
  }

  function fromArrayLike$1 (that, array) {
    var length = array.length < 0 ? 0 : checked$1(array.length) | 0;
    that = createBuffer$1(that, length);
    for (var i = 0; i < length; i += 1) {
      that[i] = array[i] & 255;
    }
    return that
  }

  function fromArrayBuffer$1 (that, array, byteOffset, length) {
    array.byteLength; // this throws if `array` is not a valid ArrayBuffer

    if (byteOffset < 0 || array.byteLength < byteOffset) {
      throw new RangeError('\'offset\' is out of bounds')
    }

    if (array.byteLength < byteOffset + (length || 0)) {
      throw new RangeError('\'length\' is out of bounds')
    }

    if (byteOffset === undefined && length === undefined) {
      array = new Uint8Array(array);
    } else if (length === undefined) {
      array = new Uint8Array(array, byteOffset);
    } else {
      array = new Uint8Array(array, byteOffset, length);
    }

    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      // Return an augmented `Uint8Array` instance, for best performance
      that = array;
      that.__proto__ = Buffer$1.prototype;
    } else {
      // Fallback: Return an object instance of the Buffer class
      that = fromArrayLike$1(that, array);
    }
    return that
  }

  function fromObject$1 (that, obj) {
    if (internalIsBuffer$1(obj)) {
      var len = checked$1(obj.length) | 0;
      that = createBuffer$1(that, len);

      if (that.length === 0) {
        return that
      }

      obj.copy(that, 0, 0, len);
      return that
    }

    if (obj) {
      if ((typeof ArrayBuffer !== 'undefined' &&
          obj.buffer instanceof ArrayBuffer) || 'length' in obj) {
        if (typeof obj.length !== 'number' || isnan$1(obj.length)) {
          return createBuffer$1(that, 0)
        }
        return fromArrayLike$1(that, obj)
      }

      if (obj.type === 'Buffer' && isArray$1(obj.data)) {
        return fromArrayLike$1(that, obj.data)
      }
    }

    throw new TypeError('First argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.')
  }

  function checked$1 (length) {
    // Note: cannot use `length < kMaxLength()` here because that fails when
    // length is NaN (which is otherwise coerced to zero.)
    if (length >= kMaxLength$1()) {
      throw new RangeError('Attempt to allocate Buffer larger than maximum ' +
                           'size: 0x' + kMaxLength$1().toString(16) + ' bytes')
    }
    return length | 0
  }
  Buffer$1.isBuffer = isBuffer$1;
  function internalIsBuffer$1 (b) {
    return !!(b != null && b._isBuffer)
  }

  Buffer$1.compare = function compare (a, b) {
    if (!internalIsBuffer$1(a) || !internalIsBuffer$1(b)) {
      throw new TypeError('Arguments must be Buffers')
    }

    if (a === b) return 0

    var x = a.length;
    var y = b.length;

    for (var i = 0, len = Math.min(x, y); i < len; ++i) {
      if (a[i] !== b[i]) {
        x = a[i];
        y = b[i];
        break
      }
    }

    if (x < y) return -1
    if (y < x) return 1
    return 0
  };

  Buffer$1.isEncoding = function isEncoding (encoding) {
    switch (String(encoding).toLowerCase()) {
      case 'hex':
      case 'utf8':
      case 'utf-8':
      case 'ascii':
      case 'latin1':
      case 'binary':
      case 'base64':
      case 'ucs2':
      case 'ucs-2':
      case 'utf16le':
      case 'utf-16le':
        return true
      default:
        return false
    }
  };

  Buffer$1.concat = function concat (list, length) {
    if (!isArray$1(list)) {
      throw new TypeError('"list" argument must be an Array of Buffers')
    }

    if (list.length === 0) {
      return Buffer$1.alloc(0)
    }

    var i;
    if (length === undefined) {
      length = 0;
      for (i = 0; i < list.length; ++i) {
        length += list[i].length;
      }
    }

    var buffer = Buffer$1.allocUnsafe(length);
    var pos = 0;
    for (i = 0; i < list.length; ++i) {
      var buf = list[i];
      if (!internalIsBuffer$1(buf)) {
        throw new TypeError('"list" argument must be an Array of Buffers')
      }
      buf.copy(buffer, pos);
      pos += buf.length;
    }
    return buffer
  };

  function byteLength$1 (string, encoding) {
    if (internalIsBuffer$1(string)) {
      return string.length
    }
    if (typeof ArrayBuffer !== 'undefined' && typeof ArrayBuffer.isView === 'function' &&
        (ArrayBuffer.isView(string) || string instanceof ArrayBuffer)) {
      return string.byteLength
    }
    if (typeof string !== 'string') {
      string = '' + string;
    }

    var len = string.length;
    if (len === 0) return 0

    // Use a for loop to avoid recursion
    var loweredCase = false;
    for (;;) {
      switch (encoding) {
        case 'ascii':
        case 'latin1':
        case 'binary':
          return len
        case 'utf8':
        case 'utf-8':
        case undefined:
          return utf8ToBytes$1(string).length
        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return len * 2
        case 'hex':
          return len >>> 1
        case 'base64':
          return base64ToBytes$1(string).length
        default:
          if (loweredCase) return utf8ToBytes$1(string).length // assume utf8
          encoding = ('' + encoding).toLowerCase();
          loweredCase = true;
      }
    }
  }
  Buffer$1.byteLength = byteLength$1;

  function slowToString$1 (encoding, start, end) {
    var loweredCase = false;

    // No need to verify that "this.length <= MAX_UINT32" since it's a read-only
    // property of a typed array.

    // This behaves neither like String nor Uint8Array in that we set start/end
    // to their upper/lower bounds if the value passed is out of range.
    // undefined is handled specially as per ECMA-262 6th Edition,
    // Section 13.3.3.7 Runtime Semantics: KeyedBindingInitialization.
    if (start === undefined || start < 0) {
      start = 0;
    }
    // Return early if start > this.length. Done here to prevent potential uint32
    // coercion fail below.
    if (start > this.length) {
      return ''
    }

    if (end === undefined || end > this.length) {
      end = this.length;
    }

    if (end <= 0) {
      return ''
    }

    // Force coersion to uint32. This will also coerce falsey/NaN values to 0.
    end >>>= 0;
    start >>>= 0;

    if (end <= start) {
      return ''
    }

    if (!encoding) encoding = 'utf8';

    while (true) {
      switch (encoding) {
        case 'hex':
          return hexSlice$1(this, start, end)

        case 'utf8':
        case 'utf-8':
          return utf8Slice$1(this, start, end)

        case 'ascii':
          return asciiSlice$1(this, start, end)

        case 'latin1':
        case 'binary':
          return latin1Slice$1(this, start, end)

        case 'base64':
          return base64Slice$1(this, start, end)

        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return utf16leSlice$1(this, start, end)

        default:
          if (loweredCase) throw new TypeError('Unknown encoding: ' + encoding)
          encoding = (encoding + '').toLowerCase();
          loweredCase = true;
      }
    }
  }

  // The property is used by `Buffer.isBuffer` and `is-buffer` (in Safari 5-7) to detect
  // Buffer instances.
  Buffer$1.prototype._isBuffer = true;

  function swap$1 (b, n, m) {
    var i = b[n];
    b[n] = b[m];
    b[m] = i;
  }

  Buffer$1.prototype.swap16 = function swap16 () {
    var len = this.length;
    if (len % 2 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 16-bits')
    }
    for (var i = 0; i < len; i += 2) {
      swap$1(this, i, i + 1);
    }
    return this
  };

  Buffer$1.prototype.swap32 = function swap32 () {
    var len = this.length;
    if (len % 4 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 32-bits')
    }
    for (var i = 0; i < len; i += 4) {
      swap$1(this, i, i + 3);
      swap$1(this, i + 1, i + 2);
    }
    return this
  };

  Buffer$1.prototype.swap64 = function swap64 () {
    var len = this.length;
    if (len % 8 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 64-bits')
    }
    for (var i = 0; i < len; i += 8) {
      swap$1(this, i, i + 7);
      swap$1(this, i + 1, i + 6);
      swap$1(this, i + 2, i + 5);
      swap$1(this, i + 3, i + 4);
    }
    return this
  };

  Buffer$1.prototype.toString = function toString () {
    var length = this.length | 0;
    if (length === 0) return ''
    if (arguments.length === 0) return utf8Slice$1(this, 0, length)
    return slowToString$1.apply(this, arguments)
  };

  Buffer$1.prototype.equals = function equals (b) {
    if (!internalIsBuffer$1(b)) throw new TypeError('Argument must be a Buffer')
    if (this === b) return true
    return Buffer$1.compare(this, b) === 0
  };

  Buffer$1.prototype.inspect = function inspect () {
    var str = '';
    var max = INSPECT_MAX_BYTES$1;
    if (this.length > 0) {
      str = this.toString('hex', 0, max).match(/.{2}/g).join(' ');
      if (this.length > max) str += ' ... ';
    }
    return '<Buffer ' + str + '>'
  };

  Buffer$1.prototype.compare = function compare (target, start, end, thisStart, thisEnd) {
    if (!internalIsBuffer$1(target)) {
      throw new TypeError('Argument must be a Buffer')
    }

    if (start === undefined) {
      start = 0;
    }
    if (end === undefined) {
      end = target ? target.length : 0;
    }
    if (thisStart === undefined) {
      thisStart = 0;
    }
    if (thisEnd === undefined) {
      thisEnd = this.length;
    }

    if (start < 0 || end > target.length || thisStart < 0 || thisEnd > this.length) {
      throw new RangeError('out of range index')
    }

    if (thisStart >= thisEnd && start >= end) {
      return 0
    }
    if (thisStart >= thisEnd) {
      return -1
    }
    if (start >= end) {
      return 1
    }

    start >>>= 0;
    end >>>= 0;
    thisStart >>>= 0;
    thisEnd >>>= 0;

    if (this === target) return 0

    var x = thisEnd - thisStart;
    var y = end - start;
    var len = Math.min(x, y);

    var thisCopy = this.slice(thisStart, thisEnd);
    var targetCopy = target.slice(start, end);

    for (var i = 0; i < len; ++i) {
      if (thisCopy[i] !== targetCopy[i]) {
        x = thisCopy[i];
        y = targetCopy[i];
        break
      }
    }

    if (x < y) return -1
    if (y < x) return 1
    return 0
  };

  // Finds either the first index of `val` in `buffer` at offset >= `byteOffset`,
  // OR the last index of `val` in `buffer` at offset <= `byteOffset`.
  //
  // Arguments:
  // - buffer - a Buffer to search
  // - val - a string, Buffer, or number
  // - byteOffset - an index into `buffer`; will be clamped to an int32
  // - encoding - an optional encoding, relevant is val is a string
  // - dir - true for indexOf, false for lastIndexOf
  function bidirectionalIndexOf$1 (buffer, val, byteOffset, encoding, dir) {
    // Empty buffer means no match
    if (buffer.length === 0) return -1

    // Normalize byteOffset
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = 0;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -2147483648) {
      byteOffset = -2147483648;
    }
    byteOffset = +byteOffset;  // Coerce to Number.
    if (isNaN(byteOffset)) {
      // byteOffset: it it's undefined, null, NaN, "foo", etc, search whole buffer
      byteOffset = dir ? 0 : (buffer.length - 1);
    }

    // Normalize byteOffset: negative offsets start from the end of the buffer
    if (byteOffset < 0) byteOffset = buffer.length + byteOffset;
    if (byteOffset >= buffer.length) {
      if (dir) return -1
      else byteOffset = buffer.length - 1;
    } else if (byteOffset < 0) {
      if (dir) byteOffset = 0;
      else return -1
    }

    // Normalize val
    if (typeof val === 'string') {
      val = Buffer$1.from(val, encoding);
    }

    // Finally, search either indexOf (if dir is true) or lastIndexOf
    if (internalIsBuffer$1(val)) {
      // Special case: looking for empty string/buffer always fails
      if (val.length === 0) {
        return -1
      }
      return arrayIndexOf$1(buffer, val, byteOffset, encoding, dir)
    } else if (typeof val === 'number') {
      val = val & 0xFF; // Search for a byte value [0-255]
      if (Buffer$1.TYPED_ARRAY_SUPPORT &&
          typeof Uint8Array.prototype.indexOf === 'function') {
        if (dir) {
          return Uint8Array.prototype.indexOf.call(buffer, val, byteOffset)
        } else {
          return Uint8Array.prototype.lastIndexOf.call(buffer, val, byteOffset)
        }
      }
      return arrayIndexOf$1(buffer, [ val ], byteOffset, encoding, dir)
    }

    throw new TypeError('val must be string, number or Buffer')
  }

  function arrayIndexOf$1 (arr, val, byteOffset, encoding, dir) {
    var indexSize = 1;
    var arrLength = arr.length;
    var valLength = val.length;

    if (encoding !== undefined) {
      encoding = String(encoding).toLowerCase();
      if (encoding === 'ucs2' || encoding === 'ucs-2' ||
          encoding === 'utf16le' || encoding === 'utf-16le') {
        if (arr.length < 2 || val.length < 2) {
          return -1
        }
        indexSize = 2;
        arrLength /= 2;
        valLength /= 2;
        byteOffset /= 2;
      }
    }

    function read (buf, i) {
      if (indexSize === 1) {
        return buf[i]
      } else {
        return buf.readUInt16BE(i * indexSize)
      }
    }

    var i;
    if (dir) {
      var foundIndex = -1;
      for (i = byteOffset; i < arrLength; i++) {
        if (read(arr, i) === read(val, foundIndex === -1 ? 0 : i - foundIndex)) {
          if (foundIndex === -1) foundIndex = i;
          if (i - foundIndex + 1 === valLength) return foundIndex * indexSize
        } else {
          if (foundIndex !== -1) i -= i - foundIndex;
          foundIndex = -1;
        }
      }
    } else {
      if (byteOffset + valLength > arrLength) byteOffset = arrLength - valLength;
      for (i = byteOffset; i >= 0; i--) {
        var found = true;
        for (var j = 0; j < valLength; j++) {
          if (read(arr, i + j) !== read(val, j)) {
            found = false;
            break
          }
        }
        if (found) return i
      }
    }

    return -1
  }

  Buffer$1.prototype.includes = function includes (val, byteOffset, encoding) {
    return this.indexOf(val, byteOffset, encoding) !== -1
  };

  Buffer$1.prototype.indexOf = function indexOf (val, byteOffset, encoding) {
    return bidirectionalIndexOf$1(this, val, byteOffset, encoding, true)
  };

  Buffer$1.prototype.lastIndexOf = function lastIndexOf (val, byteOffset, encoding) {
    return bidirectionalIndexOf$1(this, val, byteOffset, encoding, false)
  };

  function hexWrite$1 (buf, string, offset, length) {
    offset = Number(offset) || 0;
    var remaining = buf.length - offset;
    if (!length) {
      length = remaining;
    } else {
      length = Number(length);
      if (length > remaining) {
        length = remaining;
      }
    }

    // must be an even number of digits
    var strLen = string.length;
    if (strLen % 2 !== 0) throw new TypeError('Invalid hex string')

    if (length > strLen / 2) {
      length = strLen / 2;
    }
    for (var i = 0; i < length; ++i) {
      var parsed = parseInt(string.substr(i * 2, 2), 16);
      if (isNaN(parsed)) return i
      buf[offset + i] = parsed;
    }
    return i
  }

  function utf8Write$1 (buf, string, offset, length) {
    return blitBuffer$1(utf8ToBytes$1(string, buf.length - offset), buf, offset, length)
  }

  function asciiWrite$1 (buf, string, offset, length) {
    return blitBuffer$1(asciiToBytes$1(string), buf, offset, length)
  }

  function latin1Write$1 (buf, string, offset, length) {
    return asciiWrite$1(buf, string, offset, length)
  }

  function base64Write$1 (buf, string, offset, length) {
    return blitBuffer$1(base64ToBytes$1(string), buf, offset, length)
  }

  function ucs2Write$1 (buf, string, offset, length) {
    return blitBuffer$1(utf16leToBytes$1(string, buf.length - offset), buf, offset, length)
  }

  Buffer$1.prototype.write = function write (string, offset, length, encoding) {
    // Buffer#write(string)
    if (offset === undefined) {
      encoding = 'utf8';
      length = this.length;
      offset = 0;
    // Buffer#write(string, encoding)
    } else if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    // Buffer#write(string, offset[, length][, encoding])
    } else if (isFinite(offset)) {
      offset = offset | 0;
      if (isFinite(length)) {
        length = length | 0;
        if (encoding === undefined) encoding = 'utf8';
      } else {
        encoding = length;
        length = undefined;
      }
    // legacy write(string, encoding, offset, length) - remove in v0.13
    } else {
      throw new Error(
        'Buffer.write(string, encoding, offset[, length]) is no longer supported'
      )
    }

    var remaining = this.length - offset;
    if (length === undefined || length > remaining) length = remaining;

    if ((string.length > 0 && (length < 0 || offset < 0)) || offset > this.length) {
      throw new RangeError('Attempt to write outside buffer bounds')
    }

    if (!encoding) encoding = 'utf8';

    var loweredCase = false;
    for (;;) {
      switch (encoding) {
        case 'hex':
          return hexWrite$1(this, string, offset, length)

        case 'utf8':
        case 'utf-8':
          return utf8Write$1(this, string, offset, length)

        case 'ascii':
          return asciiWrite$1(this, string, offset, length)

        case 'latin1':
        case 'binary':
          return latin1Write$1(this, string, offset, length)

        case 'base64':
          // Warning: maxLength not taken into account in base64Write
          return base64Write$1(this, string, offset, length)

        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return ucs2Write$1(this, string, offset, length)

        default:
          if (loweredCase) throw new TypeError('Unknown encoding: ' + encoding)
          encoding = ('' + encoding).toLowerCase();
          loweredCase = true;
      }
    }
  };

  Buffer$1.prototype.toJSON = function toJSON () {
    return {
      type: 'Buffer',
      data: Array.prototype.slice.call(this._arr || this, 0)
    }
  };

  function base64Slice$1 (buf, start, end) {
    if (start === 0 && end === buf.length) {
      return fromByteArray$1(buf)
    } else {
      return fromByteArray$1(buf.slice(start, end))
    }
  }

  function utf8Slice$1 (buf, start, end) {
    end = Math.min(buf.length, end);
    var res = [];

    var i = start;
    while (i < end) {
      var firstByte = buf[i];
      var codePoint = null;
      var bytesPerSequence = (firstByte > 0xEF) ? 4
        : (firstByte > 0xDF) ? 3
        : (firstByte > 0xBF) ? 2
        : 1;

      if (i + bytesPerSequence <= end) {
        var secondByte, thirdByte, fourthByte, tempCodePoint;

        switch (bytesPerSequence) {
          case 1:
            if (firstByte < 0x80) {
              codePoint = firstByte;
            }
            break
          case 2:
            secondByte = buf[i + 1];
            if ((secondByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0x1F) << 0x6 | (secondByte & 0x3F);
              if (tempCodePoint > 0x7F) {
                codePoint = tempCodePoint;
              }
            }
            break
          case 3:
            secondByte = buf[i + 1];
            thirdByte = buf[i + 2];
            if ((secondByte & 0xC0) === 0x80 && (thirdByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0xF) << 0xC | (secondByte & 0x3F) << 0x6 | (thirdByte & 0x3F);
              if (tempCodePoint > 0x7FF && (tempCodePoint < 0xD800 || tempCodePoint > 0xDFFF)) {
                codePoint = tempCodePoint;
              }
            }
            break
          case 4:
            secondByte = buf[i + 1];
            thirdByte = buf[i + 2];
            fourthByte = buf[i + 3];
            if ((secondByte & 0xC0) === 0x80 && (thirdByte & 0xC0) === 0x80 && (fourthByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0xF) << 0x12 | (secondByte & 0x3F) << 0xC | (thirdByte & 0x3F) << 0x6 | (fourthByte & 0x3F);
              if (tempCodePoint > 0xFFFF && tempCodePoint < 0x110000) {
                codePoint = tempCodePoint;
              }
            }
        }
      }

      if (codePoint === null) {
        // we did not generate a valid codePoint so insert a
        // replacement char (U+FFFD) and advance only 1 byte
        codePoint = 0xFFFD;
        bytesPerSequence = 1;
      } else if (codePoint > 0xFFFF) {
        // encode to utf16 (surrogate pair dance)
        codePoint -= 0x10000;
        res.push(codePoint >>> 10 & 0x3FF | 0xD800);
        codePoint = 0xDC00 | codePoint & 0x3FF;
      }

      res.push(codePoint);
      i += bytesPerSequence;
    }

    return decodeCodePointsArray$1(res)
  }

  // Based on http://stackoverflow.com/a/22747272/680742, the browser with
  // the lowest limit is Chrome, with 0x10000 args.
  // We go 1 magnitude less, for safety
  var MAX_ARGUMENTS_LENGTH$1 = 0x1000;

  function decodeCodePointsArray$1 (codePoints) {
    var len = codePoints.length;
    if (len <= MAX_ARGUMENTS_LENGTH$1) {
      return String.fromCharCode.apply(String, codePoints) // avoid extra slice()
    }

    // Decode in chunks to avoid "call stack size exceeded".
    var res = '';
    var i = 0;
    while (i < len) {
      res += String.fromCharCode.apply(
        String,
        codePoints.slice(i, i += MAX_ARGUMENTS_LENGTH$1)
      );
    }
    return res
  }

  function asciiSlice$1 (buf, start, end) {
    var ret = '';
    end = Math.min(buf.length, end);

    for (var i = start; i < end; ++i) {
      ret += String.fromCharCode(buf[i] & 0x7F);
    }
    return ret
  }

  function latin1Slice$1 (buf, start, end) {
    var ret = '';
    end = Math.min(buf.length, end);

    for (var i = start; i < end; ++i) {
      ret += String.fromCharCode(buf[i]);
    }
    return ret
  }

  function hexSlice$1 (buf, start, end) {
    var len = buf.length;

    if (!start || start < 0) start = 0;
    if (!end || end < 0 || end > len) end = len;

    var out = '';
    for (var i = start; i < end; ++i) {
      out += toHex$1(buf[i]);
    }
    return out
  }

  function utf16leSlice$1 (buf, start, end) {
    var bytes = buf.slice(start, end);
    var res = '';
    for (var i = 0; i < bytes.length; i += 2) {
      res += String.fromCharCode(bytes[i] + bytes[i + 1] * 256);
    }
    return res
  }

  Buffer$1.prototype.slice = function slice (start, end) {
    var len = this.length;
    start = ~~start;
    end = end === undefined ? len : ~~end;

    if (start < 0) {
      start += len;
      if (start < 0) start = 0;
    } else if (start > len) {
      start = len;
    }

    if (end < 0) {
      end += len;
      if (end < 0) end = 0;
    } else if (end > len) {
      end = len;
    }

    if (end < start) end = start;

    var newBuf;
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      newBuf = this.subarray(start, end);
      newBuf.__proto__ = Buffer$1.prototype;
    } else {
      var sliceLen = end - start;
      newBuf = new Buffer$1(sliceLen, undefined);
      for (var i = 0; i < sliceLen; ++i) {
        newBuf[i] = this[i + start];
      }
    }

    return newBuf
  };

  /*
   * Need to make sure that buffer isn't trying to write out of bounds.
   */
  function checkOffset$1 (offset, ext, length) {
    if ((offset % 1) !== 0 || offset < 0) throw new RangeError('offset is not uint')
    if (offset + ext > length) throw new RangeError('Trying to access beyond buffer length')
  }

  Buffer$1.prototype.readUIntLE = function readUIntLE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset$1(offset, byteLength, this.length);

    var val = this[offset];
    var mul = 1;
    var i = 0;
    while (++i < byteLength && (mul *= 0x100)) {
      val += this[offset + i] * mul;
    }

    return val
  };

  Buffer$1.prototype.readUIntBE = function readUIntBE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      checkOffset$1(offset, byteLength, this.length);
    }

    var val = this[offset + --byteLength];
    var mul = 1;
    while (byteLength > 0 && (mul *= 0x100)) {
      val += this[offset + --byteLength] * mul;
    }

    return val
  };

  Buffer$1.prototype.readUInt8 = function readUInt8 (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 1, this.length);
    return this[offset]
  };

  Buffer$1.prototype.readUInt16LE = function readUInt16LE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 2, this.length);
    return this[offset] | (this[offset + 1] << 8)
  };

  Buffer$1.prototype.readUInt16BE = function readUInt16BE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 2, this.length);
    return (this[offset] << 8) | this[offset + 1]
  };

  Buffer$1.prototype.readUInt32LE = function readUInt32LE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);

    return ((this[offset]) |
        (this[offset + 1] << 8) |
        (this[offset + 2] << 16)) +
        (this[offset + 3] * 0x1000000)
  };

  Buffer$1.prototype.readUInt32BE = function readUInt32BE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);

    return (this[offset] * 0x1000000) +
      ((this[offset + 1] << 16) |
      (this[offset + 2] << 8) |
      this[offset + 3])
  };

  Buffer$1.prototype.readIntLE = function readIntLE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset$1(offset, byteLength, this.length);

    var val = this[offset];
    var mul = 1;
    var i = 0;
    while (++i < byteLength && (mul *= 0x100)) {
      val += this[offset + i] * mul;
    }
    mul *= 0x80;

    if (val >= mul) val -= Math.pow(2, 8 * byteLength);

    return val
  };

  Buffer$1.prototype.readIntBE = function readIntBE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset$1(offset, byteLength, this.length);

    var i = byteLength;
    var mul = 1;
    var val = this[offset + --i];
    while (i > 0 && (mul *= 0x100)) {
      val += this[offset + --i] * mul;
    }
    mul *= 0x80;

    if (val >= mul) val -= Math.pow(2, 8 * byteLength);

    return val
  };

  Buffer$1.prototype.readInt8 = function readInt8 (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 1, this.length);
    if (!(this[offset] & 0x80)) return (this[offset])
    return ((0xff - this[offset] + 1) * -1)
  };

  Buffer$1.prototype.readInt16LE = function readInt16LE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 2, this.length);
    var val = this[offset] | (this[offset + 1] << 8);
    return (val & 0x8000) ? val | 0xFFFF0000 : val
  };

  Buffer$1.prototype.readInt16BE = function readInt16BE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 2, this.length);
    var val = this[offset + 1] | (this[offset] << 8);
    return (val & 0x8000) ? val | 0xFFFF0000 : val
  };

  Buffer$1.prototype.readInt32LE = function readInt32LE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);

    return (this[offset]) |
      (this[offset + 1] << 8) |
      (this[offset + 2] << 16) |
      (this[offset + 3] << 24)
  };

  Buffer$1.prototype.readInt32BE = function readInt32BE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);

    return (this[offset] << 24) |
      (this[offset + 1] << 16) |
      (this[offset + 2] << 8) |
      (this[offset + 3])
  };

  Buffer$1.prototype.readFloatLE = function readFloatLE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);
    return read$1(this, offset, true, 23, 4)
  };

  Buffer$1.prototype.readFloatBE = function readFloatBE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 4, this.length);
    return read$1(this, offset, false, 23, 4)
  };

  Buffer$1.prototype.readDoubleLE = function readDoubleLE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 8, this.length);
    return read$1(this, offset, true, 52, 8)
  };

  Buffer$1.prototype.readDoubleBE = function readDoubleBE (offset, noAssert) {
    if (!noAssert) checkOffset$1(offset, 8, this.length);
    return read$1(this, offset, false, 52, 8)
  };

  function checkInt$1 (buf, value, offset, ext, max, min) {
    if (!internalIsBuffer$1(buf)) throw new TypeError('"buffer" argument must be a Buffer instance')
    if (value > max || value < min) throw new RangeError('"value" argument is out of bounds')
    if (offset + ext > buf.length) throw new RangeError('Index out of range')
  }

  Buffer$1.prototype.writeUIntLE = function writeUIntLE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      var maxBytes = Math.pow(2, 8 * byteLength) - 1;
      checkInt$1(this, value, offset, byteLength, maxBytes, 0);
    }

    var mul = 1;
    var i = 0;
    this[offset] = value & 0xFF;
    while (++i < byteLength && (mul *= 0x100)) {
      this[offset + i] = (value / mul) & 0xFF;
    }

    return offset + byteLength
  };

  Buffer$1.prototype.writeUIntBE = function writeUIntBE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      var maxBytes = Math.pow(2, 8 * byteLength) - 1;
      checkInt$1(this, value, offset, byteLength, maxBytes, 0);
    }

    var i = byteLength - 1;
    var mul = 1;
    this[offset + i] = value & 0xFF;
    while (--i >= 0 && (mul *= 0x100)) {
      this[offset + i] = (value / mul) & 0xFF;
    }

    return offset + byteLength
  };

  Buffer$1.prototype.writeUInt8 = function writeUInt8 (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 1, 0xff, 0);
    if (!Buffer$1.TYPED_ARRAY_SUPPORT) value = Math.floor(value);
    this[offset] = (value & 0xff);
    return offset + 1
  };

  function objectWriteUInt16$1 (buf, value, offset, littleEndian) {
    if (value < 0) value = 0xffff + value + 1;
    for (var i = 0, j = Math.min(buf.length - offset, 2); i < j; ++i) {
      buf[offset + i] = (value & (0xff << (8 * (littleEndian ? i : 1 - i)))) >>>
        (littleEndian ? i : 1 - i) * 8;
    }
  }

  Buffer$1.prototype.writeUInt16LE = function writeUInt16LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 2, 0xffff, 0);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
    } else {
      objectWriteUInt16$1(this, value, offset, true);
    }
    return offset + 2
  };

  Buffer$1.prototype.writeUInt16BE = function writeUInt16BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 2, 0xffff, 0);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 8);
      this[offset + 1] = (value & 0xff);
    } else {
      objectWriteUInt16$1(this, value, offset, false);
    }
    return offset + 2
  };

  function objectWriteUInt32$1 (buf, value, offset, littleEndian) {
    if (value < 0) value = 0xffffffff + value + 1;
    for (var i = 0, j = Math.min(buf.length - offset, 4); i < j; ++i) {
      buf[offset + i] = (value >>> (littleEndian ? i : 3 - i) * 8) & 0xff;
    }
  }

  Buffer$1.prototype.writeUInt32LE = function writeUInt32LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 4, 0xffffffff, 0);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset + 3] = (value >>> 24);
      this[offset + 2] = (value >>> 16);
      this[offset + 1] = (value >>> 8);
      this[offset] = (value & 0xff);
    } else {
      objectWriteUInt32$1(this, value, offset, true);
    }
    return offset + 4
  };

  Buffer$1.prototype.writeUInt32BE = function writeUInt32BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 4, 0xffffffff, 0);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 24);
      this[offset + 1] = (value >>> 16);
      this[offset + 2] = (value >>> 8);
      this[offset + 3] = (value & 0xff);
    } else {
      objectWriteUInt32$1(this, value, offset, false);
    }
    return offset + 4
  };

  Buffer$1.prototype.writeIntLE = function writeIntLE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) {
      var limit = Math.pow(2, 8 * byteLength - 1);

      checkInt$1(this, value, offset, byteLength, limit - 1, -limit);
    }

    var i = 0;
    var mul = 1;
    var sub = 0;
    this[offset] = value & 0xFF;
    while (++i < byteLength && (mul *= 0x100)) {
      if (value < 0 && sub === 0 && this[offset + i - 1] !== 0) {
        sub = 1;
      }
      this[offset + i] = ((value / mul) >> 0) - sub & 0xFF;
    }

    return offset + byteLength
  };

  Buffer$1.prototype.writeIntBE = function writeIntBE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) {
      var limit = Math.pow(2, 8 * byteLength - 1);

      checkInt$1(this, value, offset, byteLength, limit - 1, -limit);
    }

    var i = byteLength - 1;
    var mul = 1;
    var sub = 0;
    this[offset + i] = value & 0xFF;
    while (--i >= 0 && (mul *= 0x100)) {
      if (value < 0 && sub === 0 && this[offset + i + 1] !== 0) {
        sub = 1;
      }
      this[offset + i] = ((value / mul) >> 0) - sub & 0xFF;
    }

    return offset + byteLength
  };

  Buffer$1.prototype.writeInt8 = function writeInt8 (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 1, 0x7f, -128);
    if (!Buffer$1.TYPED_ARRAY_SUPPORT) value = Math.floor(value);
    if (value < 0) value = 0xff + value + 1;
    this[offset] = (value & 0xff);
    return offset + 1
  };

  Buffer$1.prototype.writeInt16LE = function writeInt16LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 2, 0x7fff, -32768);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
    } else {
      objectWriteUInt16$1(this, value, offset, true);
    }
    return offset + 2
  };

  Buffer$1.prototype.writeInt16BE = function writeInt16BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 2, 0x7fff, -32768);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 8);
      this[offset + 1] = (value & 0xff);
    } else {
      objectWriteUInt16$1(this, value, offset, false);
    }
    return offset + 2
  };

  Buffer$1.prototype.writeInt32LE = function writeInt32LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 4, 0x7fffffff, -2147483648);
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
      this[offset + 2] = (value >>> 16);
      this[offset + 3] = (value >>> 24);
    } else {
      objectWriteUInt32$1(this, value, offset, true);
    }
    return offset + 4
  };

  Buffer$1.prototype.writeInt32BE = function writeInt32BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt$1(this, value, offset, 4, 0x7fffffff, -2147483648);
    if (value < 0) value = 0xffffffff + value + 1;
    if (Buffer$1.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 24);
      this[offset + 1] = (value >>> 16);
      this[offset + 2] = (value >>> 8);
      this[offset + 3] = (value & 0xff);
    } else {
      objectWriteUInt32$1(this, value, offset, false);
    }
    return offset + 4
  };

  function checkIEEE754$1 (buf, value, offset, ext, max, min) {
    if (offset + ext > buf.length) throw new RangeError('Index out of range')
    if (offset < 0) throw new RangeError('Index out of range')
  }

  function writeFloat$1 (buf, value, offset, littleEndian, noAssert) {
    if (!noAssert) {
      checkIEEE754$1(buf, value, offset, 4);
    }
    write$1(buf, value, offset, littleEndian, 23, 4);
    return offset + 4
  }

  Buffer$1.prototype.writeFloatLE = function writeFloatLE (value, offset, noAssert) {
    return writeFloat$1(this, value, offset, true, noAssert)
  };

  Buffer$1.prototype.writeFloatBE = function writeFloatBE (value, offset, noAssert) {
    return writeFloat$1(this, value, offset, false, noAssert)
  };

  function writeDouble$1 (buf, value, offset, littleEndian, noAssert) {
    if (!noAssert) {
      checkIEEE754$1(buf, value, offset, 8);
    }
    write$1(buf, value, offset, littleEndian, 52, 8);
    return offset + 8
  }

  Buffer$1.prototype.writeDoubleLE = function writeDoubleLE (value, offset, noAssert) {
    return writeDouble$1(this, value, offset, true, noAssert)
  };

  Buffer$1.prototype.writeDoubleBE = function writeDoubleBE (value, offset, noAssert) {
    return writeDouble$1(this, value, offset, false, noAssert)
  };

  // copy(targetBuffer, targetStart=0, sourceStart=0, sourceEnd=buffer.length)
  Buffer$1.prototype.copy = function copy (target, targetStart, start, end) {
    if (!start) start = 0;
    if (!end && end !== 0) end = this.length;
    if (targetStart >= target.length) targetStart = target.length;
    if (!targetStart) targetStart = 0;
    if (end > 0 && end < start) end = start;

    // Copy 0 bytes; we're done
    if (end === start) return 0
    if (target.length === 0 || this.length === 0) return 0

    // Fatal error conditions
    if (targetStart < 0) {
      throw new RangeError('targetStart out of bounds')
    }
    if (start < 0 || start >= this.length) throw new RangeError('sourceStart out of bounds')
    if (end < 0) throw new RangeError('sourceEnd out of bounds')

    // Are we oob?
    if (end > this.length) end = this.length;
    if (target.length - targetStart < end - start) {
      end = target.length - targetStart + start;
    }

    var len = end - start;
    var i;

    if (this === target && start < targetStart && targetStart < end) {
      // descending copy from end
      for (i = len - 1; i >= 0; --i) {
        target[i + targetStart] = this[i + start];
      }
    } else if (len < 1000 || !Buffer$1.TYPED_ARRAY_SUPPORT) {
      // ascending copy from start
      for (i = 0; i < len; ++i) {
        target[i + targetStart] = this[i + start];
      }
    } else {
      Uint8Array.prototype.set.call(
        target,
        this.subarray(start, start + len),
        targetStart
      );
    }

    return len
  };

  // Usage:
  //    buffer.fill(number[, offset[, end]])
  //    buffer.fill(buffer[, offset[, end]])
  //    buffer.fill(string[, offset[, end]][, encoding])
  Buffer$1.prototype.fill = function fill (val, start, end, encoding) {
    // Handle string cases:
    if (typeof val === 'string') {
      if (typeof start === 'string') {
        encoding = start;
        start = 0;
        end = this.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = this.length;
      }
      if (val.length === 1) {
        var code = val.charCodeAt(0);
        if (code < 256) {
          val = code;
        }
      }
      if (encoding !== undefined && typeof encoding !== 'string') {
        throw new TypeError('encoding must be a string')
      }
      if (typeof encoding === 'string' && !Buffer$1.isEncoding(encoding)) {
        throw new TypeError('Unknown encoding: ' + encoding)
      }
    } else if (typeof val === 'number') {
      val = val & 255;
    }

    // Invalid ranges are not set to a default, so can range check early.
    if (start < 0 || this.length < start || this.length < end) {
      throw new RangeError('Out of range index')
    }

    if (end <= start) {
      return this
    }

    start = start >>> 0;
    end = end === undefined ? this.length : end >>> 0;

    if (!val) val = 0;

    var i;
    if (typeof val === 'number') {
      for (i = start; i < end; ++i) {
        this[i] = val;
      }
    } else {
      var bytes = internalIsBuffer$1(val)
        ? val
        : utf8ToBytes$1(new Buffer$1(val, encoding).toString());
      var len = bytes.length;
      for (i = 0; i < end - start; ++i) {
        this[i + start] = bytes[i % len];
      }
    }

    return this
  };

  // HELPER FUNCTIONS
  // ================

  var INVALID_BASE64_RE$1 = /[^+\/0-9A-Za-z-_]/g;

  function base64clean$1 (str) {
    // Node strips out invalid characters like \n and \t from the string, base64-js does not
    str = stringtrim$1(str).replace(INVALID_BASE64_RE$1, '');
    // Node converts strings with length < 2 to ''
    if (str.length < 2) return ''
    // Node allows for non-padded base64 strings (missing trailing ===), base64-js does not
    while (str.length % 4 !== 0) {
      str = str + '=';
    }
    return str
  }

  function stringtrim$1 (str) {
    if (str.trim) return str.trim()
    return str.replace(/^\s+|\s+$/g, '')
  }

  function toHex$1 (n) {
    if (n < 16) return '0' + n.toString(16)
    return n.toString(16)
  }

  function utf8ToBytes$1 (string, units) {
    units = units || Infinity;
    var codePoint;
    var length = string.length;
    var leadSurrogate = null;
    var bytes = [];

    for (var i = 0; i < length; ++i) {
      codePoint = string.charCodeAt(i);

      // is surrogate component
      if (codePoint > 0xD7FF && codePoint < 0xE000) {
        // last char was a lead
        if (!leadSurrogate) {
          // no lead yet
          if (codePoint > 0xDBFF) {
            // unexpected trail
            if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
            continue
          } else if (i + 1 === length) {
            // unpaired lead
            if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
            continue
          }

          // valid lead
          leadSurrogate = codePoint;

          continue
        }

        // 2 leads in a row
        if (codePoint < 0xDC00) {
          if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
          leadSurrogate = codePoint;
          continue
        }

        // valid surrogate pair
        codePoint = (leadSurrogate - 0xD800 << 10 | codePoint - 0xDC00) + 0x10000;
      } else if (leadSurrogate) {
        // valid bmp char, but last char was a lead
        if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
      }

      leadSurrogate = null;

      // encode utf8
      if (codePoint < 0x80) {
        if ((units -= 1) < 0) break
        bytes.push(codePoint);
      } else if (codePoint < 0x800) {
        if ((units -= 2) < 0) break
        bytes.push(
          codePoint >> 0x6 | 0xC0,
          codePoint & 0x3F | 0x80
        );
      } else if (codePoint < 0x10000) {
        if ((units -= 3) < 0) break
        bytes.push(
          codePoint >> 0xC | 0xE0,
          codePoint >> 0x6 & 0x3F | 0x80,
          codePoint & 0x3F | 0x80
        );
      } else if (codePoint < 0x110000) {
        if ((units -= 4) < 0) break
        bytes.push(
          codePoint >> 0x12 | 0xF0,
          codePoint >> 0xC & 0x3F | 0x80,
          codePoint >> 0x6 & 0x3F | 0x80,
          codePoint & 0x3F | 0x80
        );
      } else {
        throw new Error('Invalid code point')
      }
    }

    return bytes
  }

  function asciiToBytes$1 (str) {
    var byteArray = [];
    for (var i = 0; i < str.length; ++i) {
      // Node's code seems to be doing this and not & 0x7F..
      byteArray.push(str.charCodeAt(i) & 0xFF);
    }
    return byteArray
  }

  function utf16leToBytes$1 (str, units) {
    var c, hi, lo;
    var byteArray = [];
    for (var i = 0; i < str.length; ++i) {
      if ((units -= 2) < 0) break

      c = str.charCodeAt(i);
      hi = c >> 8;
      lo = c % 256;
      byteArray.push(lo);
      byteArray.push(hi);
    }

    return byteArray
  }


  function base64ToBytes$1 (str) {
    return toByteArray$1(base64clean$1(str))
  }

  function blitBuffer$1 (src, dst, offset, length) {
    for (var i = 0; i < length; ++i) {
      if ((i + offset >= dst.length) || (i >= src.length)) break
      dst[i + offset] = src[i];
    }
    return i
  }

  function isnan$1 (val) {
    return val !== val // eslint-disable-line no-self-compare
  }


  // the following is from is-buffer, also by Feross Aboukhadijeh and with same lisence
  // The _isBuffer check is for Safari 5-7 support, because it's missing
  // Object.prototype.constructor. Remove this eventually
  function isBuffer$1(obj) {
    return obj != null && (!!obj._isBuffer || isFastBuffer$1(obj) || isSlowBuffer$1(obj))
  }

  function isFastBuffer$1 (obj) {
    return !!obj.constructor && typeof obj.constructor.isBuffer === 'function' && obj.constructor.isBuffer(obj)
  }

  // For Node v0.10 support. Remove this eventually.
  function isSlowBuffer$1 (obj) {
    return typeof obj.readFloatLE === 'function' && typeof obj.slice === 'function' && isFastBuffer$1(obj.slice(0, 0))
  }

  let CsvError$1 = class CsvError extends Error {
    constructor(code, message, options, ...contexts) {
      if (Array.isArray(message)) message = message.join(" ").trim();
      super(message);
      if (Error.captureStackTrace !== undefined) {
        Error.captureStackTrace(this, CsvError);
      }
      this.code = code;
      for (const context of contexts) {
        for (const key in context) {
          const value = context[key];
          this[key] = isBuffer$1(value)
            ? value.toString(options.encoding)
            : value == null
              ? value
              : JSON.parse(JSON.stringify(value));
        }
      }
    }
  };

  const is_object$1 = function (obj) {
    return typeof obj === "object" && obj !== null && !Array.isArray(obj);
  };

  const normalize_columns_array = function (columns) {
    const normalizedColumns = [];
    for (let i = 0, l = columns.length; i < l; i++) {
      const column = columns[i];
      if (column === undefined || column === null || column === false) {
        normalizedColumns[i] = { disabled: true };
      } else if (typeof column === "string" || typeof column === "number") {
        normalizedColumns[i] = { name: `${column}` };
      } else if (is_object$1(column)) {
        if (typeof column.name !== "string") {
          throw new CsvError$1("CSV_OPTION_COLUMNS_MISSING_NAME", [
            "Option columns missing name:",
            `property "name" is required at position ${i}`,
            "when column is an object literal",
          ]);
        }
        normalizedColumns[i] = column;
      } else {
        throw new CsvError$1("CSV_INVALID_COLUMN_DEFINITION", [
          "Invalid column definition:",
          "expect a string or a literal object,",
          `got ${JSON.stringify(column)} at position ${i}`,
        ]);
      }
    }
    return normalizedColumns;
  };

  class ResizeableBuffer {
    constructor(size = 100) {
      this.size = size;
      this.length = 0;
      this.buf = Buffer$1.allocUnsafe(size);
    }
    prepend(val) {
      if (isBuffer$1(val)) {
        const length = this.length + val.length;
        if (length >= this.size) {
          this.resize();
          if (length >= this.size) {
            throw Error("INVALID_BUFFER_STATE");
          }
        }
        const buf = this.buf;
        this.buf = Buffer$1.allocUnsafe(this.size);
        val.copy(this.buf, 0);
        buf.copy(this.buf, val.length);
        this.length += val.length;
      } else {
        const length = this.length++;
        if (length === this.size) {
          this.resize();
        }
        const buf = this.clone();
        this.buf[0] = val;
        buf.copy(this.buf, 1, 0, length);
      }
    }
    append(val) {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      this.buf[length] = val;
    }
    clone() {
      return Buffer$1.from(this.buf.slice(0, this.length));
    }
    resize() {
      const length = this.length;
      this.size = this.size * 2;
      const buf = Buffer$1.allocUnsafe(this.size);
      this.buf.copy(buf, 0, 0, length);
      this.buf = buf;
    }
    toString(encoding) {
      if (encoding) {
        return this.buf.toString(encoding, 0, this.length);
      } else {
        return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
      }
    }
    toJSON() {
      return this.toString("utf8");
    }
    reset() {
      this.length = 0;
    }
  }

  const init_state = function (options) {
    // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
    // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
    // https://tc39.es/ecma262/#sec-white-space
    // https://tc39.es/ecma262/#sec-line-terminators
    //
    // Codepoints unrepresentable in the target encoding are dropped: Node's
    // Buffer substitutes them with `?` (0x3F), and including those would cause
    // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
    const timchars = [
      // Basic Latin
      0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
      0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
      0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
      0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
      0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
      0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
      // Latin-1 Supplement
      0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
      // Ogham
      0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
      // General Punctuation
      0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
      0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
      0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
      0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
      0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
      0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
      0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
      0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
      0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
      0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
      0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
      0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
      0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
      0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
      0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
      0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
      0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
    ].reduce((acc, codepoint) => {
      const encoded = Buffer$1.from(
        String.fromCharCode(codepoint),
        options.encoding,
      );
      if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
        return acc;
      }
      acc.push(encoded);
      return acc;
    }, []);
    // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
    // (the common case) bail out in O(1) without scanning every timchar.
    const timcharFirstBytes = new Uint8Array(256);
    for (const t of timchars) timcharFirstBytes[t[0]] = 1;
    return {
      bomSkipped: false,
      bufBytesStart: 0,
      castField: options.cast_function,
      commenting: false,
      delimiterBufPrevious: undefined,
      delimiterDiscovered: false,
      // Current error encountered by a record
      error: undefined,
      enabled: options.from_line === 1,
      escaping: false,
      escapeIsQuote:
        isBuffer$1(options.escape) &&
        isBuffer$1(options.quote) &&
        Buffer$1.compare(options.escape, options.quote) === 0,
      // columns can be `false`, `true`, `Array`
      expectedRecordLength: Array.isArray(options.columns)
        ? options.columns.length
        : undefined,
      field: new ResizeableBuffer(20),
      firstLineToHeaders: options.cast_first_line_to_header,
      needMoreDataSize: Math.max(
        // Skip if the remaining buffer smaller than comment
        options.comment !== null ? options.comment.length : 0,
        // Skip if the remaining buffer can be delimiter
        ...(options.delimiter
          ? options.delimiter.map((delimiter) => delimiter.length)
          : []),
        // Auto discovery of delimiter is limited to 1 character
        options.delimiter_auto ? 1 : 0,
        // Skip if the remaining buffer can be escape sequence
        options.quote !== null ? options.quote.length : 0,
        // Skip if the remaining buffer can be a multi-byte trim character
        ...timchars.map((t) => t.length),
      ),
      previousBuf: undefined,
      quoting: false,
      stop: false,
      rawBuffer: new ResizeableBuffer(100),
      record: [],
      recordHasError: false,
      record_length: 0,
      recordDelimiterMaxLength:
        options.record_delimiter.length === 0
          ? 0
          : Math.max(...options.record_delimiter.map((v) => v.length)),
      trimChars: [
        Buffer$1.from(" ", options.encoding)[0],
        Buffer$1.from("\t", options.encoding)[0],
      ],
      wasQuoting: false,
      wasRowDelimiter: false,
      timchars: timchars,
      timcharFirstBytes: timcharFirstBytes,
    };
  };

  const underscore$1 = function (str) {
    return str.replace(/([A-Z])/g, function (_, match) {
      return "_" + match.toLowerCase();
    });
  };

  const normalize_options$1 = function (opts) {
    const options = {};
    // Merge with user options
    for (const opt in opts) {
      options[underscore$1(opt)] = opts[opt];
    }
    // Normalize option `encoding`
    // Note: defined first because other options depends on it
    // to convert chars/strings into buffers.
    if (options.encoding === undefined || options.encoding === true) {
      options.encoding = "utf8";
    } else if (options.encoding === null || options.encoding === false) {
      options.encoding = null;
    } else if (
      typeof options.encoding !== "string" &&
      options.encoding !== null
    ) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_ENCODING",
        [
          "Invalid option encoding:",
          "encoding must be a string or null to return a buffer,",
          `got ${JSON.stringify(options.encoding)}`,
        ],
        options,
      );
    }
    // Normalize option `bom`
    if (
      options.bom === undefined ||
      options.bom === null ||
      options.bom === false
    ) {
      options.bom = false;
    } else if (options.bom !== true) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_BOM",
        [
          "Invalid option bom:",
          "bom must be true,",
          `got ${JSON.stringify(options.bom)}`,
        ],
        options,
      );
    }
    // Normalize option `cast`
    options.cast_function = null;
    if (
      options.cast === undefined ||
      options.cast === null ||
      options.cast === false ||
      options.cast === ""
    ) {
      options.cast = undefined;
    } else if (typeof options.cast === "function") {
      options.cast_function = options.cast;
      options.cast = true;
    } else if (options.cast !== true) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_CAST",
        [
          "Invalid option cast:",
          "cast must be true or a function,",
          `got ${JSON.stringify(options.cast)}`,
        ],
        options,
      );
    }
    // Normalize option `cast_date`
    if (
      options.cast_date === undefined ||
      options.cast_date === null ||
      options.cast_date === false ||
      options.cast_date === ""
    ) {
      options.cast_date = false;
    } else if (options.cast_date === true) {
      options.cast_date = function (value) {
        const date = Date.parse(value);
        return !isNaN(date) ? new Date(date) : value;
      };
    } else if (typeof options.cast_date !== "function") {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_CAST_DATE",
        [
          "Invalid option cast_date:",
          "cast_date must be true or a function,",
          `got ${JSON.stringify(options.cast_date)}`,
        ],
        options,
      );
    }
    // Normalize option `columns`
    options.cast_first_line_to_header = undefined;
    if (options.columns === true) {
      // Fields in the first line are converted as-is to columns
      options.cast_first_line_to_header = undefined;
    } else if (typeof options.columns === "function") {
      options.cast_first_line_to_header = options.columns;
      options.columns = true;
    } else if (Array.isArray(options.columns)) {
      options.columns = normalize_columns_array(options.columns);
    } else if (
      options.columns === undefined ||
      options.columns === null ||
      options.columns === false
    ) {
      options.columns = false;
    } else {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_COLUMNS",
        [
          "Invalid option columns:",
          "expect an array, a function or true,",
          `got ${JSON.stringify(options.columns)}`,
        ],
        options,
      );
    }
    // Normalize option `group_columns_by_name`
    if (
      options.group_columns_by_name === undefined ||
      options.group_columns_by_name === null ||
      options.group_columns_by_name === false
    ) {
      options.group_columns_by_name = false;
    } else if (options.group_columns_by_name !== true) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
        [
          "Invalid option group_columns_by_name:",
          "expect an boolean,",
          `got ${JSON.stringify(options.group_columns_by_name)}`,
        ],
        options,
      );
    } else if (options.columns === false) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
        [
          "Invalid option group_columns_by_name:",
          "the `columns` mode must be activated.",
        ],
        options,
      );
    }
    // Normalize option `comment`
    if (
      options.comment === undefined ||
      options.comment === null ||
      options.comment === false ||
      options.comment === ""
    ) {
      options.comment = null;
    } else {
      if (typeof options.comment === "string") {
        options.comment = Buffer$1.from(options.comment, options.encoding);
      }
      if (!isBuffer$1(options.comment)) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_COMMENT",
          [
            "Invalid option comment:",
            "comment must be a buffer or a string,",
            `got ${JSON.stringify(options.comment)}`,
          ],
          options,
        );
      }
    }
    // Normalize option `comment_no_infix`
    if (
      options.comment_no_infix === undefined ||
      options.comment_no_infix === null ||
      options.comment_no_infix === false
    ) {
      options.comment_no_infix = false;
    } else if (options.comment_no_infix !== true) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment_no_infix:",
          "value must be a boolean,",
          `got ${JSON.stringify(options.comment_no_infix)}`,
        ],
        options,
      );
    }
    // Normalize option `delimiter_auto`
    if (
      options.delimiter_auto === undefined ||
      options.delimiter_auto === null ||
      options.delimiter_auto === false
    ) {
      options.delimiter_auto = false;
    } else if (options.delimiter_auto === true) {
      options.delimiter_auto = {};
    } else if (!is_object$1(options.delimiter_auto)) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "delimiter_auto must be a boolean or a configuration object,",
          `got ${JSON.stringify(options.delimiter_auto)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto) {
      if (options.delimiter_auto.preferred === undefined)
        options.delimiter_auto.preferred = {
          [",".charCodeAt(0)]: 1.8,
          ["\t".charCodeAt(0)]: 1.8,
          [";".charCodeAt(0)]: 1.6,
          [" ".charCodeAt(0)]: 1.6,
          [":".charCodeAt(0)]: 1.5,
          [".".charCodeAt(0)]: 1.4,
          ["/".charCodeAt(0)]: 1.4,
        };
      else if (!is_object$1(options.delimiter_auto.preferred)) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_DELIMITER_AUTO",
          [
            "Invalid option delimiter_auto:",
            "preferred must be an object,",
            `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
          ],
          options,
        );
      }
      if (options.delimiter_auto.score === undefined)
        options.delimiter_auto.score = (info, options) => {
          return (
            (info.total - info.std) * (options.preferred[info.char_code] || 1)
          );
        };
      else if (typeof options.delimiter_auto.score !== "function") {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_DELIMITER_AUTO",
          [
            "Invalid option delimiter_auto:",
            "score must be a function,",
            `got ${JSON.stringify(options.delimiter_auto.score)}`,
          ],
          options,
        );
      }
      if (options.delimiter_auto.size === undefined)
        options.delimiter_auto.size = 2048;
      else if (typeof options.delimiter_auto.size !== "number") {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_DELIMITER_AUTO",
          [
            "Invalid option delimiter_auto:",
            "size must be a number,",
            `got ${JSON.stringify(options.delimiter_auto.size)}`,
          ],
          options,
        );
      }
    }
    // Normalize option `delimiter`
    const delimiter_json = JSON.stringify(options.delimiter);
    if (options.delimiter_auto !== false) {
      options.delimiter = [];
    }
    if (!Array.isArray(options.delimiter)) {
      if (
        options.delimiter === undefined ||
        options.delimiter === null ||
        options.delimiter === false
      ) {
        options.delimiter = Buffer$1.from(",", options.encoding);
      }
      options.delimiter = [options.delimiter];
    }
    options.delimiter = options.delimiter.map(function (delimiter) {
      if (typeof delimiter === "string") {
        delimiter = Buffer$1.from(delimiter, options.encoding);
      }
      if (!isBuffer$1(delimiter) || delimiter.length === 0) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_DELIMITER",
          [
            "Invalid option delimiter:",
            "delimiter must be a non empty string or buffer or array of string|buffer,",
            `got ${delimiter_json}`,
          ],
          options,
        );
      }
      return delimiter;
    });
    // Normalize option `escape`
    if (options.escape === undefined || options.escape === true) {
      options.escape = Buffer$1.from('"', options.encoding);
    } else if (typeof options.escape === "string") {
      options.escape = Buffer$1.from(options.escape, options.encoding);
    } else if (options.escape === null || options.escape === false) {
      options.escape = null;
    }
    if (options.escape !== null) {
      if (!isBuffer$1(options.escape)) {
        throw new Error(
          `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
        );
      }
    }
    // Normalize option `from`
    if (options.from === undefined || options.from === null) {
      options.from = 1;
    } else {
      if (typeof options.from === "string" && /\d+/.test(options.from)) {
        options.from = parseInt(options.from);
      }
      if (Number.isInteger(options.from)) {
        if (options.from < 0) {
          throw new Error(
            `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
          );
        }
      } else {
        throw new Error(
          `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
        );
      }
    }
    // Normalize option `from_line`
    if (options.from_line === undefined || options.from_line === null) {
      options.from_line = 1;
    } else {
      if (
        typeof options.from_line === "string" &&
        /\d+/.test(options.from_line)
      ) {
        options.from_line = parseInt(options.from_line);
      }
      if (Number.isInteger(options.from_line)) {
        if (options.from_line <= 0) {
          throw new Error(
            `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
          );
        }
      } else {
        throw new Error(
          `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    }
    // Normalize options `ignore_last_delimiters`
    if (
      options.ignore_last_delimiters === undefined ||
      options.ignore_last_delimiters === null
    ) {
      options.ignore_last_delimiters = false;
    } else if (typeof options.ignore_last_delimiters === "number") {
      options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
      if (options.ignore_last_delimiters === 0) {
        options.ignore_last_delimiters = false;
      }
    } else if (typeof options.ignore_last_delimiters !== "boolean") {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
        [
          "Invalid option `ignore_last_delimiters`:",
          "the value must be a boolean value or an integer,",
          `got ${JSON.stringify(options.ignore_last_delimiters)}`,
        ],
        options,
      );
    }
    if (options.ignore_last_delimiters === true && options.columns === false) {
      throw new CsvError$1(
        "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
        [
          "The option `ignore_last_delimiters`",
          "requires the activation of the `columns` option",
        ],
        options,
      );
    }
    // Normalize option `info`
    if (
      options.info === undefined ||
      options.info === null ||
      options.info === false
    ) {
      options.info = false;
    } else if (options.info !== true) {
      throw new Error(
        `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
      );
    }
    // Normalize option `max_record_size`
    if (
      options.max_record_size === undefined ||
      options.max_record_size === null ||
      options.max_record_size === false
    ) {
      options.max_record_size = 0;
    } else if (
      Number.isInteger(options.max_record_size) &&
      options.max_record_size >= 0
    ) ; else if (
      typeof options.max_record_size === "string" &&
      /\d+/.test(options.max_record_size)
    ) {
      options.max_record_size = parseInt(options.max_record_size);
    } else {
      throw new Error(
        `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
      );
    }
    // Normalize option `objname`
    if (
      options.objname === undefined ||
      options.objname === null ||
      options.objname === false
    ) {
      options.objname = undefined;
    } else if (isBuffer$1(options.objname)) {
      if (options.objname.length === 0) {
        throw new Error(`Invalid Option: objname must be a non empty buffer`);
      }
      if (options.encoding === null) ; else {
        options.objname = options.objname.toString(options.encoding);
      }
    } else if (typeof options.objname === "string") {
      if (options.objname.length === 0) {
        throw new Error(`Invalid Option: objname must be a non empty string`);
      }
      // Great, nothing to do
    } else if (typeof options.objname === "number") ; else {
      throw new Error(
        `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
      );
    }
    if (options.objname !== undefined) {
      if (typeof options.objname === "number") {
        if (options.columns !== false) {
          throw Error(
            "Invalid Option: objname index cannot be combined with columns or be defined as a field",
          );
        }
      } else {
        // A string or a buffer
        if (options.columns === false) {
          throw Error(
            "Invalid Option: objname field must be combined with columns or be defined as an index",
          );
        }
      }
    }
    // Normalize option `on_record`
    if (options.on_record === undefined || options.on_record === null) {
      options.on_record = undefined;
    } else if (typeof options.on_record !== "function") {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_ON_RECORD",
        [
          "Invalid option `on_record`:",
          "expect a function,",
          `got ${JSON.stringify(options.on_record)}`,
        ],
        options,
      );
    }
    // Normalize option `on_skip`
    // options.on_skip ??= (err, chunk) => {
    //   this.emit('skip', err, chunk);
    // };
    if (
      options.on_skip !== undefined &&
      options.on_skip !== null &&
      typeof options.on_skip !== "function"
    ) {
      throw new Error(
        `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
      );
    }
    // Normalize option `quote`
    if (
      options.quote === null ||
      options.quote === false ||
      options.quote === ""
    ) {
      options.quote = null;
    } else {
      if (options.quote === undefined || options.quote === true) {
        options.quote = Buffer$1.from('"', options.encoding);
      } else if (typeof options.quote === "string") {
        options.quote = Buffer$1.from(options.quote, options.encoding);
      }
      if (!isBuffer$1(options.quote)) {
        throw new Error(
          `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
        );
      }
    }
    // Normalize option `raw`
    if (
      options.raw === undefined ||
      options.raw === null ||
      options.raw === false
    ) {
      options.raw = false;
    } else if (options.raw !== true) {
      throw new Error(
        `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
      );
    }
    // Normalize option `record_delimiter`
    if (options.record_delimiter === undefined) {
      options.record_delimiter = [];
    } else if (
      typeof options.record_delimiter === "string" ||
      isBuffer$1(options.record_delimiter)
    ) {
      if (options.record_delimiter.length === 0) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_RECORD_DELIMITER",
          [
            "Invalid option `record_delimiter`:",
            "value must be a non empty string or buffer,",
            `got ${JSON.stringify(options.record_delimiter)}`,
          ],
          options,
        );
      }
      options.record_delimiter = [options.record_delimiter];
    } else if (!Array.isArray(options.record_delimiter)) {
      throw new CsvError$1(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = options.record_delimiter.map(function (rd, i) {
      if (typeof rd !== "string" && !isBuffer$1(rd)) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_RECORD_DELIMITER",
          [
            "Invalid option `record_delimiter`:",
            "value must be a string, a buffer or array of string|buffer",
            `at index ${i},`,
            `got ${JSON.stringify(rd)}`,
          ],
          options,
        );
      } else if (rd.length === 0) {
        throw new CsvError$1(
          "CSV_INVALID_OPTION_RECORD_DELIMITER",
          [
            "Invalid option `record_delimiter`:",
            "value must be a non empty string or buffer",
            `at index ${i},`,
            `got ${JSON.stringify(rd)}`,
          ],
          options,
        );
      }
      if (typeof rd === "string") {
        rd = Buffer$1.from(rd, options.encoding);
      }
      return rd;
    });
    // Normalize option `relax_column_count`
    if (typeof options.relax_column_count === "boolean") ; else if (
      options.relax_column_count === undefined ||
      options.relax_column_count === null
    ) {
      options.relax_column_count = false;
    } else {
      throw new Error(
        `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
      );
    }
    if (typeof options.relax_column_count_less === "boolean") ; else if (
      options.relax_column_count_less === undefined ||
      options.relax_column_count_less === null
    ) {
      options.relax_column_count_less = false;
    } else {
      throw new Error(
        `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
      );
    }
    if (typeof options.relax_column_count_more === "boolean") ; else if (
      options.relax_column_count_more === undefined ||
      options.relax_column_count_more === null
    ) {
      options.relax_column_count_more = false;
    } else {
      throw new Error(
        `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
      );
    }
    // Normalize option `relax_quotes`
    if (typeof options.relax_quotes === "boolean") ; else if (
      options.relax_quotes === undefined ||
      options.relax_quotes === null
    ) {
      options.relax_quotes = false;
    } else {
      throw new Error(
        `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
      );
    }
    // Normalize option `skip_empty_lines`
    if (typeof options.skip_empty_lines === "boolean") ; else if (
      options.skip_empty_lines === undefined ||
      options.skip_empty_lines === null
    ) {
      options.skip_empty_lines = false;
    } else {
      throw new Error(
        `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
      );
    }
    // Normalize option `skip_records_with_empty_values`
    if (typeof options.skip_records_with_empty_values === "boolean") ; else if (
      options.skip_records_with_empty_values === undefined ||
      options.skip_records_with_empty_values === null
    ) {
      options.skip_records_with_empty_values = false;
    } else {
      throw new Error(
        `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
      );
    }
    // Normalize option `skip_records_with_error`
    if (typeof options.skip_records_with_error === "boolean") ; else if (
      options.skip_records_with_error === undefined ||
      options.skip_records_with_error === null
    ) {
      options.skip_records_with_error = false;
    } else {
      throw new Error(
        `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
      );
    }
    // Normalize option `rtrim`
    if (
      options.rtrim === undefined ||
      options.rtrim === null ||
      options.rtrim === false
    ) {
      options.rtrim = false;
    } else if (options.rtrim !== true) {
      throw new Error(
        `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
      );
    }
    // Normalize option `ltrim`
    if (
      options.ltrim === undefined ||
      options.ltrim === null ||
      options.ltrim === false
    ) {
      options.ltrim = false;
    } else if (options.ltrim !== true) {
      throw new Error(
        `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
      );
    }
    // Normalize option `trim`
    if (
      options.trim === undefined ||
      options.trim === null ||
      options.trim === false
    ) {
      options.trim = false;
    } else if (options.trim !== true) {
      throw new Error(
        `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
      );
    }
    // Normalize options `trim`, `ltrim` and `rtrim`
    if (options.trim === true && opts.ltrim !== false) {
      options.ltrim = true;
    } else if (options.ltrim !== true) {
      options.ltrim = false;
    }
    if (options.trim === true && opts.rtrim !== false) {
      options.rtrim = true;
    } else if (options.rtrim !== true) {
      options.rtrim = false;
    }
    // Normalize option `to`
    if (options.to === undefined || options.to === null) {
      options.to = -1;
    } else if (options.to !== -1) {
      if (typeof options.to === "string" && /\d+/.test(options.to)) {
        options.to = parseInt(options.to);
      }
      if (Number.isInteger(options.to)) {
        if (options.to <= 0) {
          throw new Error(
            `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
          );
        }
      } else {
        throw new Error(
          `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
        );
      }
    }
    // Normalize option `to_line`
    if (options.to_line === undefined || options.to_line === null) {
      options.to_line = -1;
    } else if (options.to_line !== -1) {
      if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
        options.to_line = parseInt(options.to_line);
      }
      if (Number.isInteger(options.to_line)) {
        if (options.to_line <= 0) {
          throw new Error(
            `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
          );
        }
      } else {
        throw new Error(
          `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    }
    return options;
  };

  // Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
  // See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
  const delimiter_discover = function (records, options) {
    // Normalize the configuration
    if (!options) {
      ({ delimiter_auto: options } = normalize_options$1({ delimiter_auto: true }));
    }
    // Convert String to Buffer
    if (typeof records === "string") {
      records = Buffer$1.from(records);
    }
    // Convert Buffer to an array of records
    if (isBuffer$1(records)) {
      records = ((data) => {
        const records = [];
        const parser = transform({ delimiter: [] });
        const push = (record) => records.push(record);
        const close = () => {};
        const error = parser.parse(data, true, push, close);
        if (error !== undefined) throw error;
        return records;
      })(records);
    }
    // Info array initialization, 127 entries, one per char code
    const info = Array(127)
      .fill()
      .map(() => ({ lines: [] }));
    // Traverse each records, count occurences per char code
    records.map(([record], line) => {
      for (let i = 0, l = record.length; i < l; i++) {
        // Count the character frequency
        const code = record.charCodeAt(i);
        if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
        info[code].lines[line]++;
      }
    });
    // Traverse each char code, compute the score
    info.map((info, i) => {
      info.char_code = i;
      info.std = std(info.lines);
      info.total = info.lines.reduce((acc, val) => acc + val, 0);
      info.preferred = !!options.preferred[i];
      info.score = options.score(info, options);
    });
    // Extract the dominant character
    const result = info.reduce(
      (acc, info) => (acc.score > info.score ? acc : info),
      {},
    );
    return String.fromCharCode(result.char_code);
  };

  const std = function (array) {
    const n = array.length;
    if (n === 0) return 0;
    const mean = array.reduce((a, b) => a + b) / n;
    return Math.sqrt(
      array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
    );
  };

  const isRecordEmpty = function (record) {
    return record.every(
      (field) =>
        field == null || (field.toString && field.toString().trim() === ""),
    );
  };

  const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
  const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

  const boms = {
    // Note, the following are equals:
    // Buffer.from("\ufeff")
    // Buffer.from([239, 187, 191])
    // Buffer.from('EFBBBF', 'hex')
    utf8: Buffer$1.from([239, 187, 191]),
    // Note, the following are equals:
    // Buffer.from "\ufeff", 'utf16le
    // Buffer.from([255, 254])
    utf16le: Buffer$1.from([255, 254]),
  };

  const transform = function (original_options = {}) {
    const info = {
      bytes: 0,
      bytes_records: 0,
      comment_lines: 0,
      empty_lines: 0,
      invalid_field_length: 0,
      lines: 1,
      records: 0,
    };
    const options = normalize_options$1(original_options);
    return {
      info: info,
      original_options: original_options,
      options: options,
      state: init_state(options),
      __needMoreData: function (i, bufLen, end) {
        if (end) return false;
        const { encoding, escape, quote } = this.options;
        const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
          this.state;
        const numOfCharLeft = bufLen - i - 1;
        const requiredLength = Math.max(
          needMoreDataSize,
          // Skip if the remaining buffer smaller than record delimiter
          // If "record_delimiter" is yet to be discovered:
          // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
          // 2. We set the length to windows line ending in the current encoding
          // Note, that encoding is known from user or bom discovery at that point
          // recordDelimiterMaxLength,
          recordDelimiterMaxLength === 0
            ? Buffer$1.from("\r\n", encoding).length
            : recordDelimiterMaxLength,
          // Skip if remaining buffer can be an escaped quote
          quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
          // Skip if remaining buffer can be record delimiter following the closing quote
          quoting ? quote.length + recordDelimiterMaxLength : 0,
        );
        return numOfCharLeft < requiredLength;
      },
      // Central parser implementation
      parse: function (nextBuf, end, push, close) {
        const {
          bom,
          comment_no_infix,
          delimiter_auto,
          encoding,
          from_line,
          ltrim,
          max_record_size,
          raw,
          relax_quotes,
          rtrim,
          skip_empty_lines,
          to,
          to_line,
        } = this.options;
        let { comment, escape, quote, record_delimiter } = this.options;
        const {
          bomSkipped,
          delimiterDiscovered,
          delimiterBufPrevious,
          rawBuffer,
          escapeIsQuote,
        } = this.state;
        // Automatic delimiter discovery
        if (!delimiterDiscovered && delimiter_auto) {
          let delimiterBuf;
          if (delimiterBufPrevious === undefined) {
            delimiterBuf = nextBuf;
          } else if (
            delimiterBufPrevious !== undefined &&
            nextBuf === undefined
          ) {
            delimiterBuf = delimiterBufPrevious;
          } else {
            delimiterBuf = Buffer$1.concat([delimiterBufPrevious, nextBuf]);
          }
          // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
          nextBuf = undefined;
          // this.delimiterBufPrevious = delimiterBuf;
          if (end || delimiterBuf.length > delimiter_auto.size) {
            this.options.delimiter = [
              Buffer$1.from(
                delimiter_discover(delimiterBuf, this.options.delimiter_auto),
              ),
            ];
            this.state.previousBuf = delimiterBuf;
            this.state.delimiterBufPrevious = undefined;
            this.state.delimiterDiscovered = true;
          } else {
            this.state.delimiterBufPrevious = delimiterBuf;
            return;
          }
        }
        // Previous buffers reconciliation
        const { previousBuf } = this.state;
        let buf;
        if (previousBuf === undefined) {
          if (nextBuf === undefined) {
            // Handle empty string
            close();
            return;
          } else {
            buf = nextBuf;
          }
        } else if (previousBuf !== undefined && nextBuf === undefined) {
          buf = previousBuf;
        } else {
          buf = Buffer$1.concat([previousBuf, nextBuf]);
        }
        // Handle UTF BOM
        if (bomSkipped === false) {
          if (bom === false) {
            this.state.bomSkipped = true;
          } else if (buf.length < 3) {
            // No enough data
            if (end === false) {
              // Wait for more data
              this.state.previousBuf = buf;
              return;
            }
          } else {
            for (const encoding in boms) {
              if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
                // Skip BOM
                const bomLength = boms[encoding].length;
                this.state.bufBytesStart += bomLength;
                buf = buf.slice(bomLength);
                // Renormalize original options with the new encoding
                const options = normalize_options$1({
                  ...this.original_options,
                  encoding: encoding,
                });
                // Properties are merged with the existing options instance
                for (const key in options) {
                  this.options[key] = options[key];
                }
                // Options will re-evaluate the Buffer with the new encoding
                ({ comment, escape, quote } = this.options);
                break;
              }
            }
            this.state.bomSkipped = true;
          }
        }
        const bufLen = buf.length;
        let pos;
        for (pos = 0; pos < bufLen; pos++) {
          // Ensure we get enough space to look ahead
          // There should be a way to move this out of the loop
          if (this.__needMoreData(pos, bufLen, end)) {
            break;
          }
          if (this.state.wasRowDelimiter === true) {
            this.info.lines++;
            this.state.wasRowDelimiter = false;
          }
          if (to_line !== -1 && this.info.lines > to_line) {
            this.state.stop = true;
            close();
            return;
          }
          // Auto discovery of record_delimiter, unix, mac and windows supported
          if (this.state.quoting === false && record_delimiter.length === 0) {
            const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
              buf,
              pos,
            );
            if (record_delimiterCount) {
              record_delimiter = this.options.record_delimiter;
            }
          }
          const chr = buf[pos];
          if (raw === true) {
            rawBuffer.append(chr);
          }
          if (
            (chr === cr || chr === nl) &&
            this.state.wasRowDelimiter === false
          ) {
            this.state.wasRowDelimiter = true;
          }
          // Previous char was a valid escape char
          // treat the current char as a regular char
          if (this.state.escaping === true) {
            this.state.escaping = false;
          } else {
            // Escape is only active inside quoted fields
            // We are quoting, the char is an escape chr and there is a chr to escape
            // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
            if (
              escape !== null &&
              this.state.quoting === true &&
              this.__isEscape(buf, pos, chr) &&
              pos + escape.length < bufLen
            ) {
              if (escapeIsQuote) {
                if (this.__isQuote(buf, pos + escape.length)) {
                  this.state.escaping = true;
                  pos += escape.length - 1;
                  continue;
                }
              } else {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            }
            // Not currently escaping and chr is a quote
            // TODO: need to compare bytes instead of single char
            if (this.state.commenting === false && this.__isQuote(buf, pos)) {
              if (this.state.quoting === true) {
                const nextChr = buf[pos + quote.length];
                const isNextChrTrimable =
                  rtrim && this.__isCharTrimable(buf, pos + quote.length);
                const isNextChrComment =
                  comment !== null &&
                  this.__compareBytes(comment, buf, pos + quote.length, nextChr);
                const isNextChrDelimiter = this.__isDelimiter(
                  buf,
                  pos + quote.length,
                  nextChr,
                );
                const isNextChrRecordDelimiter =
                  record_delimiter.length === 0
                    ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                    : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
                // Escape a quote
                // Treat next char as a regular character
                if (
                  escape !== null &&
                  this.__isEscape(buf, pos, chr) &&
                  this.__isQuote(buf, pos + escape.length)
                ) {
                  pos += escape.length - 1;
                } else if (
                  !nextChr ||
                  isNextChrDelimiter ||
                  isNextChrRecordDelimiter ||
                  isNextChrComment ||
                  isNextChrTrimable
                ) {
                  this.state.quoting = false;
                  this.state.wasQuoting = true;
                  pos += quote.length - 1;
                  continue;
                } else if (relax_quotes === false) {
                  const err = this.__error(
                    new CsvError$1(
                      "CSV_INVALID_CLOSING_QUOTE",
                      [
                        "Invalid Closing Quote:",
                        `got "${String.fromCharCode(nextChr)}"`,
                        `at line ${this.info.lines}`,
                        "instead of delimiter, record delimiter, trimable character",
                        "(if activated) or comment",
                      ],
                      this.options,
                      this.__infoField(),
                    ),
                  );
                  if (err !== undefined) return err;
                } else {
                  this.state.quoting = false;
                  this.state.wasQuoting = true;
                  this.state.field.prepend(quote);
                  pos += quote.length - 1;
                }
              } else {
                if (this.state.field.length !== 0) {
                  // In relax_quotes mode, treat opening quote preceded by chrs as regular
                  if (relax_quotes === false) {
                    const info = this.__infoField();
                    const bom = Object.keys(boms)
                      .map((b) =>
                        boms[b].equals(this.state.field.toString()) ? b : false,
                      )
                      .filter(Boolean)[0];
                    const err = this.__error(
                      new CsvError$1(
                        "INVALID_OPENING_QUOTE",
                        [
                          "Invalid Opening Quote:",
                          `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                          bom ? `(${bom} bom)` : undefined,
                        ],
                        this.options,
                        info,
                        {
                          field: this.state.field,
                        },
                      ),
                    );
                    if (err !== undefined) return err;
                  }
                } else {
                  this.state.quoting = true;
                  pos += quote.length - 1;
                  continue;
                }
              }
            }
            if (this.state.quoting === false) {
              const recordDelimiterLength = this.__isRecordDelimiter(
                chr,
                buf,
                pos,
              );
              if (recordDelimiterLength !== 0) {
                // Do not emit comments which take a full line
                const skipCommentLine =
                  this.state.commenting &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0;
                if (skipCommentLine) {
                  this.info.comment_lines++;
                  // Skip full comment line
                } else {
                  // Activate records emission if above from_line
                  if (
                    this.state.enabled === false &&
                    this.info.lines +
                      (this.state.wasRowDelimiter === true ? 1 : 0) >=
                      from_line
                  ) {
                    this.state.enabled = true;
                    this.__resetField();
                    this.__resetRecord();
                    pos += recordDelimiterLength - 1;
                    continue;
                  }
                  // Skip if line is empty and skip_empty_lines activated
                  if (
                    skip_empty_lines === true &&
                    this.state.wasQuoting === false &&
                    this.state.record.length === 0 &&
                    this.state.field.length === 0
                  ) {
                    this.info.empty_lines++;
                    pos += recordDelimiterLength - 1;
                    continue;
                  }
                  this.info.bytes = this.state.bufBytesStart + pos;
                  const errField = this.__onField();
                  if (errField !== undefined) return errField;
                  this.info.bytes =
                    this.state.bufBytesStart + pos + recordDelimiterLength;
                  const errRecord = this.__onRecord(push);
                  if (errRecord !== undefined) return errRecord;
                  if (to !== -1 && this.info.records >= to) {
                    this.state.stop = true;
                    close();
                    return;
                  }
                }
                this.state.commenting = false;
                pos += recordDelimiterLength - 1;
                continue;
              }
              if (this.state.commenting) {
                continue;
              }
              if (
                comment !== null &&
                (comment_no_infix === false ||
                  (this.state.record.length === 0 &&
                    this.state.field.length === 0))
              ) {
                const commentCount = this.__compareBytes(comment, buf, pos, chr);
                if (commentCount !== 0) {
                  this.state.commenting = true;
                  continue;
                }
              }
              const delimiterLength = this.__isDelimiter(buf, pos, chr);
              if (delimiterLength !== 0) {
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                pos += delimiterLength - 1;
                continue;
              }
            }
          }
          if (this.state.commenting === false) {
            if (
              max_record_size !== 0 &&
              this.state.record_length + this.state.field.length > max_record_size
            ) {
              return this.__error(
                new CsvError$1(
                  "CSV_MAX_RECORD_SIZE",
                  [
                    "Max Record Size:",
                    "record exceed the maximum number of tolerated bytes",
                    `of ${max_record_size}`,
                    `at line ${this.info.lines}`,
                  ],
                  this.options,
                  this.__infoField(),
                ),
              );
            }
          }
          const lappend =
            ltrim === false ||
            this.state.quoting === true ||
            this.state.field.length !== 0 ||
            !this.__isCharTrimable(buf, pos);
          // rtrim in non quoting is handle in __onField
          const rappend = rtrim === false || this.state.wasQuoting === false;
          if (lappend === true && rappend === true) {
            this.state.field.append(chr);
          } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
            return this.__error(
              new CsvError$1(
                "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
                [
                  "Invalid Closing Quote:",
                  "found non trimable byte after quote",
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          } else {
            if (lappend === false) {
              pos += this.__isCharTrimable(buf, pos) - 1;
            }
            continue;
          }
        }
        if (end === true) {
          // Ensure we are not ending in a quoting state
          if (this.state.quoting === true) {
            const err = this.__error(
              new CsvError$1(
                "CSV_QUOTE_NOT_CLOSED",
                [
                  "Quote Not Closed:",
                  `the parsing is finished with an opening quote at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
            if (err !== undefined) return err;
          } else {
            // Skip last line if it has no characters
            if (
              this.state.wasQuoting === true ||
              this.state.record.length !== 0 ||
              this.state.field.length !== 0
            ) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              const errRecord = this.__onRecord(push);
              if (errRecord !== undefined) return errRecord;
            } else if (this.state.wasRowDelimiter === true) {
              this.info.empty_lines++;
            } else if (this.state.commenting === true) {
              this.info.comment_lines++;
            }
          }
        } else {
          this.state.bufBytesStart += pos;
          this.state.previousBuf = buf.slice(pos);
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
      },
      __onRecord: function (push) {
        const {
          columns,
          group_columns_by_name,
          encoding,
          info,
          from,
          relax_column_count,
          relax_column_count_less,
          relax_column_count_more,
          raw,
          skip_records_with_empty_values,
        } = this.options;
        const { enabled, record } = this.state;
        if (enabled === false) {
          return this.__resetRecord();
        }
        // Convert the first line into column names
        const recordLength = record.length;
        if (columns === true) {
          if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
            this.__resetRecord();
            return;
          }
          return this.__firstLineToColumns(record);
        }
        if (columns === false && this.info.records === 0) {
          this.state.expectedRecordLength = recordLength;
        }
        if (recordLength !== this.state.expectedRecordLength) {
          const err =
            columns === false
              ? new CsvError$1(
                  "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                  [
                    "Invalid Record Length:",
                    `expect ${this.state.expectedRecordLength},`,
                    `got ${recordLength} on line ${this.info.lines}`,
                  ],
                  this.options,
                  this.__infoField(),
                  {
                    record: record,
                  },
                )
              : new CsvError$1(
                  "CSV_RECORD_INCONSISTENT_COLUMNS",
                  [
                    "Invalid Record Length:",
                    `columns length is ${columns.length},`, // rename columns
                    `got ${recordLength} on line ${this.info.lines}`,
                  ],
                  this.options,
                  this.__infoField(),
                  {
                    record: record,
                  },
                );
          if (
            relax_column_count === true ||
            (relax_column_count_less === true &&
              recordLength < this.state.expectedRecordLength) ||
            (relax_column_count_more === true &&
              recordLength > this.state.expectedRecordLength)
          ) {
            this.info.invalid_field_length++;
            this.state.error = err;
            // Error is undefined with skip_records_with_error
          } else {
            const finalErr = this.__error(err);
            if (finalErr) return finalErr;
          }
        }
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        if (this.state.recordHasError === true) {
          this.__resetRecord();
          this.state.recordHasError = false;
          return;
        }
        this.info.records++;
        if (from === 1 || this.info.records >= from) {
          const { objname } = this.options;
          // With columns, records are object
          if (columns !== false) {
            const obj = {};
            // Transform record array to an object
            for (let i = 0, l = record.length; i < l; i++) {
              if (columns[i] === undefined || columns[i].disabled) continue;
              // Turn duplicate columns into an array
              if (
                group_columns_by_name === true &&
                Object.hasOwn(obj, columns[i].name)
              ) {
                if (Array.isArray(obj[columns[i].name])) {
                  obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
                } else {
                  obj[columns[i].name] = [obj[columns[i].name], record[i]];
                }
              } else {
                Object.defineProperty(obj, columns[i].name, {
                  value: record[i],
                  enumerable: true,
                  writable: true,
                  configurable: true,
                });
              }
            }
            // Without objname (default)
            if (raw === true || info === true) {
              const extRecord = Object.assign(
                { record: obj },
                raw === true
                  ? { raw: this.state.rawBuffer.toString(encoding) }
                  : {},
                info === true ? { info: this.__infoRecord() } : {},
              );
              const err = this.__push(
                objname === undefined ? extRecord : [obj[objname], extRecord],
                push,
              );
              if (err) {
                return err;
              }
            } else {
              const err = this.__push(
                objname === undefined ? obj : [obj[objname], obj],
                push,
              );
              if (err) {
                return err;
              }
            }
            // Without columns, records are array
          } else {
            if (raw === true || info === true) {
              const extRecord = Object.assign(
                { record: record },
                raw === true
                  ? { raw: this.state.rawBuffer.toString(encoding) }
                  : {},
                info === true ? { info: this.__infoRecord() } : {},
              );
              const err = this.__push(
                objname === undefined ? extRecord : [record[objname], extRecord],
                push,
              );
              if (err) {
                return err;
              }
            } else {
              const err = this.__push(
                objname === undefined ? record : [record[objname], record],
                push,
              );
              if (err) {
                return err;
              }
            }
          }
        }
        this.__resetRecord();
      },
      __firstLineToColumns: function (record) {
        const { firstLineToHeaders } = this.state;
        try {
          const headers =
            firstLineToHeaders === undefined
              ? record
              : firstLineToHeaders.call(null, record);
          if (!Array.isArray(headers)) {
            return this.__error(
              new CsvError$1(
                "CSV_INVALID_COLUMN_MAPPING",
                [
                  "Invalid Column Mapping:",
                  "expect an array from column function,",
                  `got ${JSON.stringify(headers)}`,
                ],
                this.options,
                this.__infoField(),
                {
                  headers: headers,
                },
              ),
            );
          }
          const normalizedHeaders = normalize_columns_array(headers);
          this.state.expectedRecordLength = normalizedHeaders.length;
          this.options.columns = normalizedHeaders;
          this.__resetRecord();
          return;
        } catch (err) {
          return err;
        }
      },
      __resetRecord: function () {
        if (this.options.raw === true) {
          this.state.rawBuffer.reset();
        }
        this.state.error = undefined;
        this.state.record = [];
        this.state.record_length = 0;
      },
      __onField: function () {
        const { cast, encoding, rtrim, max_record_size } = this.options;
        const { enabled, wasQuoting } = this.state;
        // Short circuit for the from_line options
        if (enabled === false) {
          return this.__resetField();
        }
        let field = this.state.field.toString(encoding);
        if (rtrim === true && wasQuoting === false) {
          field = field.trimRight();
        }
        if (cast === true) {
          const [err, f] = this.__cast(field);
          if (err !== undefined) return err;
          field = f;
        }
        this.state.record.push(field);
        // Increment record length if record size must not exceed a limit
        if (max_record_size !== 0 && typeof field === "string") {
          this.state.record_length += field.length;
        }
        this.__resetField();
      },
      __resetField: function () {
        this.state.field.reset();
        this.state.wasQuoting = false;
      },
      __push: function (record, push) {
        const { on_record } = this.options;
        if (on_record !== undefined) {
          const info = this.__infoRecord();
          try {
            record = on_record.call(null, record, info);
          } catch (err) {
            return err;
          }
          if (record === undefined || record === null) {
            return;
          }
        }
        this.info.bytes_records += this.info.bytes;
        push(record);
      },
      // Return a tuple with the error and the casted value
      __cast: function (field) {
        const { columns, relax_column_count } = this.options;
        const isColumns = Array.isArray(columns);
        // Dont loose time calling cast
        // because the final record is an object
        // and this field can't be associated to a key present in columns
        if (
          isColumns === true &&
          relax_column_count &&
          this.options.columns.length <= this.state.record.length
        ) {
          return [undefined, undefined];
        }
        if (this.state.castField !== null) {
          try {
            const info = this.__infoField();
            return [undefined, this.state.castField.call(null, field, info)];
          } catch (err) {
            return [err];
          }
        }
        if (this.__isFloat(field)) {
          return [undefined, parseFloat(field)];
        } else if (this.options.cast_date !== false) {
          const info = this.__infoField();
          return [undefined, this.options.cast_date.call(null, field, info)];
        }
        return [undefined, field];
      },
      __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
        if (sourceBuf[0] !== firstByte) return 0;
        const sourceLength = sourceBuf.length;
        for (let i = 1; i < sourceLength; i++) {
          if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
        }
        return sourceLength;
      },
      // Helper to test if a character is trimable
      __isCharTrimable: function (buf, pos) {
        const { timchars, timcharFirstBytes } = this.state;
        // Fast bail-out: non-whitespace bytes (the common case) are rejected
        // without scanning the full timchar list.
        const first = buf[pos];
        if (first === undefined || timcharFirstBytes[first] === 0) return 0;
        loop1: for (let i = 0; i < timchars.length; i++) {
          const timchar = timchars[i];
          for (let j = 0; j < timchar.length; j++) {
            if (timchar[j] !== buf[pos + j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      },
      __isDelimiter: function (buf, pos, chr) {
        const { delimiter, ignore_last_delimiters } = this.options;
        if (
          ignore_last_delimiters === true &&
          this.state.record.length === this.options.columns.length - 1
        ) {
          return 0;
        } else if (
          ignore_last_delimiters !== false &&
          typeof ignore_last_delimiters === "number" &&
          this.state.record.length === ignore_last_delimiters - 1
        ) {
          return 0;
        }
        loop1: for (let i = 0; i < delimiter.length; i++) {
          const del = delimiter[i];
          if (del[0] === chr) {
            for (let j = 1; j < del.length; j++) {
              if (del[j] !== buf[pos + j]) continue loop1;
            }
            return del.length;
          }
        }
        return 0;
      },
      __isEscape: function (buf, pos, chr) {
        const { escape } = this.options;
        if (escape === null) return false;
        const l = escape.length;
        if (escape[0] === chr) {
          for (let i = 0; i < l; i++) {
            if (escape[i] !== buf[pos + i]) {
              return false;
            }
          }
          return true;
        }
        return false;
      },
      __isFloat: function (value) {
        return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
      },
      // Keep it in case we implement the `cast_int` option
      // __isInt(value){
      //   // return Number.isInteger(parseInt(value))
      //   // return !isNaN( parseInt( obj ) );
      //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
      // }
      __isQuote: function (buf, pos) {
        const { quote } = this.options;
        if (quote === null) return false;
        const l = quote.length;
        for (let i = 0; i < l; i++) {
          if (quote[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      },
      __isRecordDelimiter: function (chr, buf, pos) {
        const { record_delimiter } = this.options;
        const recordDelimiterLength = record_delimiter.length;
        loop1: for (let i = 0; i < recordDelimiterLength; i++) {
          const rd = record_delimiter[i];
          const rdLength = rd.length;
          if (rd[0] !== chr) {
            continue;
          }
          for (let j = 1; j < rdLength; j++) {
            if (rd[j] !== buf[pos + j]) {
              continue loop1;
            }
          }
          return rd.length;
        }
        return 0;
      },
      __autoDiscoverRecordDelimiter: function (buf, pos) {
        const { encoding } = this.options;
        // Note, we don't need to cache this information in state,
        // It is only called on the first line until we find out a suitable
        // record delimiter.
        const rds = [
          // Important, the windows line ending must be before mac os 9
          Buffer$1.from("\r\n", encoding),
          Buffer$1.from("\n", encoding),
          Buffer$1.from("\r", encoding),
        ];
        loop: for (let i = 0; i < rds.length; i++) {
          const l = rds[i].length;
          for (let j = 0; j < l; j++) {
            if (rds[i][j] !== buf[pos + j]) {
              continue loop;
            }
          }
          this.options.record_delimiter.push(rds[i]);
          this.state.recordDelimiterMaxLength = rds[i].length;
          return rds[i].length;
        }
        return 0;
      },
      __error: function (msg) {
        const { encoding, raw, skip_records_with_error } = this.options;
        const err = typeof msg === "string" ? new Error(msg) : msg;
        if (skip_records_with_error) {
          this.state.recordHasError = true;
          if (this.options.on_skip !== undefined) {
            try {
              this.options.on_skip(
                err,
                raw ? this.state.rawBuffer.toString(encoding) : undefined,
              );
            } catch (err) {
              return err;
            }
          }
          // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
          return undefined;
        } else {
          return err;
        }
      },
      __infoDataSet: function () {
        return {
          ...this.info,
          columns: this.options.columns,
        };
      },
      __infoRecord: function () {
        const { columns, raw, encoding } = this.options;
        return {
          ...this.__infoDataSet(),
          bytes_records: this.info.bytes,
          error: this.state.error,
          header: columns === true,
          index: this.state.record.length,
          raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
        };
      },
      __infoField: function () {
        const { columns } = this.options;
        const isColumns = Array.isArray(columns);
        // Bytes records are only incremented when all records'fields are parsed
        const bytes_records = this.info.bytes_records;
        return {
          ...this.__infoRecord(),
          bytes_records: bytes_records,
          column:
            isColumns === true
              ? columns.length > this.state.record.length
                ? columns[this.state.record.length].name
                : null
              : this.state.record.length,
          quoting: this.state.wasQuoting,
        };
      },
    };
  };

  const parse = function (data, opts = {}) {
    if (typeof data === "string") {
      data = Buffer$1.from(data);
    }
    const records = opts && opts.objname ? Object.create(null) : [];
    const parser = transform(opts);
    const push = (record) => {
      if (parser.options.objname === undefined) records.push(record);
      else {
        records[record[0]] = record[1];
      }
    };
    const close = () => {};
    const error = parser.parse(data, true, push, close);
    if (error !== undefined) throw error;
    return records;
  };

  var global$1 = (typeof global !== "undefined" ? global :
              typeof self !== "undefined" ? self :
              typeof window !== "undefined" ? window : {});

  var lookup = [];
  var revLookup = [];
  var Arr = typeof Uint8Array !== 'undefined' ? Uint8Array : Array;
  var inited = false;
  function init () {
    inited = true;
    var code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (var i = 0, len = code.length; i < len; ++i) {
      lookup[i] = code[i];
      revLookup[code.charCodeAt(i)] = i;
    }

    revLookup['-'.charCodeAt(0)] = 62;
    revLookup['_'.charCodeAt(0)] = 63;
  }

  function toByteArray (b64) {
    if (!inited) {
      init();
    }
    var i, j, l, tmp, placeHolders, arr;
    var len = b64.length;

    if (len % 4 > 0) {
      throw new Error('Invalid string. Length must be a multiple of 4')
    }

    // the number of equal signs (place holders)
    // if there are two placeholders, than the two characters before it
    // represent one byte
    // if there is only one, then the three characters before it represent 2 bytes
    // this is just a cheap hack to not do indexOf twice
    placeHolders = b64[len - 2] === '=' ? 2 : b64[len - 1] === '=' ? 1 : 0;

    // base64 is 4/3 + up to two characters of the original data
    arr = new Arr(len * 3 / 4 - placeHolders);

    // if there are placeholders, only get up to the last complete 4 chars
    l = placeHolders > 0 ? len - 4 : len;

    var L = 0;

    for (i = 0, j = 0; i < l; i += 4, j += 3) {
      tmp = (revLookup[b64.charCodeAt(i)] << 18) | (revLookup[b64.charCodeAt(i + 1)] << 12) | (revLookup[b64.charCodeAt(i + 2)] << 6) | revLookup[b64.charCodeAt(i + 3)];
      arr[L++] = (tmp >> 16) & 0xFF;
      arr[L++] = (tmp >> 8) & 0xFF;
      arr[L++] = tmp & 0xFF;
    }

    if (placeHolders === 2) {
      tmp = (revLookup[b64.charCodeAt(i)] << 2) | (revLookup[b64.charCodeAt(i + 1)] >> 4);
      arr[L++] = tmp & 0xFF;
    } else if (placeHolders === 1) {
      tmp = (revLookup[b64.charCodeAt(i)] << 10) | (revLookup[b64.charCodeAt(i + 1)] << 4) | (revLookup[b64.charCodeAt(i + 2)] >> 2);
      arr[L++] = (tmp >> 8) & 0xFF;
      arr[L++] = tmp & 0xFF;
    }

    return arr
  }

  function tripletToBase64 (num) {
    return lookup[num >> 18 & 0x3F] + lookup[num >> 12 & 0x3F] + lookup[num >> 6 & 0x3F] + lookup[num & 0x3F]
  }

  function encodeChunk (uint8, start, end) {
    var tmp;
    var output = [];
    for (var i = start; i < end; i += 3) {
      tmp = (uint8[i] << 16) + (uint8[i + 1] << 8) + (uint8[i + 2]);
      output.push(tripletToBase64(tmp));
    }
    return output.join('')
  }

  function fromByteArray (uint8) {
    if (!inited) {
      init();
    }
    var tmp;
    var len = uint8.length;
    var extraBytes = len % 3; // if we have 1 byte left, pad 2 bytes
    var output = '';
    var parts = [];
    var maxChunkLength = 16383; // must be multiple of 3

    // go through the array every three bytes, we'll deal with trailing stuff later
    for (var i = 0, len2 = len - extraBytes; i < len2; i += maxChunkLength) {
      parts.push(encodeChunk(uint8, i, (i + maxChunkLength) > len2 ? len2 : (i + maxChunkLength)));
    }

    // pad the end with zeros, but make sure to not forget the extra bytes
    if (extraBytes === 1) {
      tmp = uint8[len - 1];
      output += lookup[tmp >> 2];
      output += lookup[(tmp << 4) & 0x3F];
      output += '==';
    } else if (extraBytes === 2) {
      tmp = (uint8[len - 2] << 8) + (uint8[len - 1]);
      output += lookup[tmp >> 10];
      output += lookup[(tmp >> 4) & 0x3F];
      output += lookup[(tmp << 2) & 0x3F];
      output += '=';
    }

    parts.push(output);

    return parts.join('')
  }

  function read (buffer, offset, isLE, mLen, nBytes) {
    var e, m;
    var eLen = nBytes * 8 - mLen - 1;
    var eMax = (1 << eLen) - 1;
    var eBias = eMax >> 1;
    var nBits = -7;
    var i = isLE ? (nBytes - 1) : 0;
    var d = isLE ? -1 : 1;
    var s = buffer[offset + i];

    i += d;

    e = s & ((1 << (-nBits)) - 1);
    s >>= (-nBits);
    nBits += eLen;
    for (; nBits > 0; e = e * 256 + buffer[offset + i], i += d, nBits -= 8) {}

    m = e & ((1 << (-nBits)) - 1);
    e >>= (-nBits);
    nBits += mLen;
    for (; nBits > 0; m = m * 256 + buffer[offset + i], i += d, nBits -= 8) {}

    if (e === 0) {
      e = 1 - eBias;
    } else if (e === eMax) {
      return m ? NaN : ((s ? -1 : 1) * Infinity)
    } else {
      m = m + Math.pow(2, mLen);
      e = e - eBias;
    }
    return (s ? -1 : 1) * m * Math.pow(2, e - mLen)
  }

  function write (buffer, value, offset, isLE, mLen, nBytes) {
    var e, m, c;
    var eLen = nBytes * 8 - mLen - 1;
    var eMax = (1 << eLen) - 1;
    var eBias = eMax >> 1;
    var rt = (mLen === 23 ? Math.pow(2, -24) - Math.pow(2, -77) : 0);
    var i = isLE ? 0 : (nBytes - 1);
    var d = isLE ? 1 : -1;
    var s = value < 0 || (value === 0 && 1 / value < 0) ? 1 : 0;

    value = Math.abs(value);

    if (isNaN(value) || value === Infinity) {
      m = isNaN(value) ? 1 : 0;
      e = eMax;
    } else {
      e = Math.floor(Math.log(value) / Math.LN2);
      if (value * (c = Math.pow(2, -e)) < 1) {
        e--;
        c *= 2;
      }
      if (e + eBias >= 1) {
        value += rt / c;
      } else {
        value += rt * Math.pow(2, 1 - eBias);
      }
      if (value * c >= 2) {
        e++;
        c /= 2;
      }

      if (e + eBias >= eMax) {
        m = 0;
        e = eMax;
      } else if (e + eBias >= 1) {
        m = (value * c - 1) * Math.pow(2, mLen);
        e = e + eBias;
      } else {
        m = value * Math.pow(2, eBias - 1) * Math.pow(2, mLen);
        e = 0;
      }
    }

    for (; mLen >= 8; buffer[offset + i] = m & 0xff, i += d, m /= 256, mLen -= 8) {}

    e = (e << mLen) | m;
    eLen += mLen;
    for (; eLen > 0; buffer[offset + i] = e & 0xff, i += d, e /= 256, eLen -= 8) {}

    buffer[offset + i - d] |= s * 128;
  }

  var toString = {}.toString;

  var isArray = Array.isArray || function (arr) {
    return toString.call(arr) == '[object Array]';
  };

  var INSPECT_MAX_BYTES = 50;

  /**
   * If `Buffer.TYPED_ARRAY_SUPPORT`:
   *   === true    Use Uint8Array implementation (fastest)
   *   === false   Use Object implementation (most compatible, even IE6)
   *
   * Browsers that support typed arrays are IE 10+, Firefox 4+, Chrome 7+, Safari 5.1+,
   * Opera 11.6+, iOS 4.2+.
   *
   * Due to various browser bugs, sometimes the Object implementation will be used even
   * when the browser supports typed arrays.
   *
   * Note:
   *
   *   - Firefox 4-29 lacks support for adding new properties to `Uint8Array` instances,
   *     See: https://bugzilla.mozilla.org/show_bug.cgi?id=695438.
   *
   *   - Chrome 9-10 is missing the `TypedArray.prototype.subarray` function.
   *
   *   - IE10 has a broken `TypedArray.prototype.subarray` function which returns arrays of
   *     incorrect length in some situations.

   * We detect these buggy browsers and set `Buffer.TYPED_ARRAY_SUPPORT` to `false` so they
   * get the Object implementation, which is slower but behaves correctly.
   */
  Buffer.TYPED_ARRAY_SUPPORT = global$1.TYPED_ARRAY_SUPPORT !== undefined
    ? global$1.TYPED_ARRAY_SUPPORT
    : true;

  /*
   * Export kMaxLength after typed array support is determined.
   */
  kMaxLength();

  function kMaxLength () {
    return Buffer.TYPED_ARRAY_SUPPORT
      ? 0x7fffffff
      : 0x3fffffff
  }

  function createBuffer (that, length) {
    if (kMaxLength() < length) {
      throw new RangeError('Invalid typed array length')
    }
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      // Return an augmented `Uint8Array` instance, for best performance
      that = new Uint8Array(length);
      that.__proto__ = Buffer.prototype;
    } else {
      // Fallback: Return an object instance of the Buffer class
      if (that === null) {
        that = new Buffer(length);
      }
      that.length = length;
    }

    return that
  }

  /**
   * The Buffer constructor returns instances of `Uint8Array` that have their
   * prototype changed to `Buffer.prototype`. Furthermore, `Buffer` is a subclass of
   * `Uint8Array`, so the returned instances will have all the node `Buffer` methods
   * and the `Uint8Array` methods. Square bracket notation works as expected -- it
   * returns a single octet.
   *
   * The `Uint8Array` prototype remains unmodified.
   */

  function Buffer (arg, encodingOrOffset, length) {
    if (!Buffer.TYPED_ARRAY_SUPPORT && !(this instanceof Buffer)) {
      return new Buffer(arg, encodingOrOffset, length)
    }

    // Common case.
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        throw new Error(
          'If encoding is specified then the first argument must be a string'
        )
      }
      return allocUnsafe(this, arg)
    }
    return from(this, arg, encodingOrOffset, length)
  }

  Buffer.poolSize = 8192; // not used by this implementation

  // TODO: Legacy, not needed anymore. Remove in next major version.
  Buffer._augment = function (arr) {
    arr.__proto__ = Buffer.prototype;
    return arr
  };

  function from (that, value, encodingOrOffset, length) {
    if (typeof value === 'number') {
      throw new TypeError('"value" argument must not be a number')
    }

    if (typeof ArrayBuffer !== 'undefined' && value instanceof ArrayBuffer) {
      return fromArrayBuffer(that, value, encodingOrOffset, length)
    }

    if (typeof value === 'string') {
      return fromString(that, value, encodingOrOffset)
    }

    return fromObject(that, value)
  }

  /**
   * Functionally equivalent to Buffer(arg, encoding) but throws a TypeError
   * if value is a number.
   * Buffer.from(str[, encoding])
   * Buffer.from(array)
   * Buffer.from(buffer)
   * Buffer.from(arrayBuffer[, byteOffset[, length]])
   **/
  Buffer.from = function (value, encodingOrOffset, length) {
    return from(null, value, encodingOrOffset, length)
  };

  if (Buffer.TYPED_ARRAY_SUPPORT) {
    Buffer.prototype.__proto__ = Uint8Array.prototype;
    Buffer.__proto__ = Uint8Array;
    if (typeof Symbol !== 'undefined' && Symbol.species &&
        Buffer[Symbol.species] === Buffer) ;
  }

  function assertSize (size) {
    if (typeof size !== 'number') {
      throw new TypeError('"size" argument must be a number')
    } else if (size < 0) {
      throw new RangeError('"size" argument must not be negative')
    }
  }

  function alloc (that, size, fill, encoding) {
    assertSize(size);
    if (size <= 0) {
      return createBuffer(that, size)
    }
    if (fill !== undefined) {
      // Only pay attention to encoding if it's a string. This
      // prevents accidentally sending in a number that would
      // be interpretted as a start offset.
      return typeof encoding === 'string'
        ? createBuffer(that, size).fill(fill, encoding)
        : createBuffer(that, size).fill(fill)
    }
    return createBuffer(that, size)
  }

  /**
   * Creates a new filled Buffer instance.
   * alloc(size[, fill[, encoding]])
   **/
  Buffer.alloc = function (size, fill, encoding) {
    return alloc(null, size, fill, encoding)
  };

  function allocUnsafe (that, size) {
    assertSize(size);
    that = createBuffer(that, size < 0 ? 0 : checked(size) | 0);
    if (!Buffer.TYPED_ARRAY_SUPPORT) {
      for (var i = 0; i < size; ++i) {
        that[i] = 0;
      }
    }
    return that
  }

  /**
   * Equivalent to Buffer(num), by default creates a non-zero-filled Buffer instance.
   * */
  Buffer.allocUnsafe = function (size) {
    return allocUnsafe(null, size)
  };
  /**
   * Equivalent to SlowBuffer(num), by default creates a non-zero-filled Buffer instance.
   */
  Buffer.allocUnsafeSlow = function (size) {
    return allocUnsafe(null, size)
  };

  function fromString (that, string, encoding) {
    if (typeof encoding !== 'string' || encoding === '') {
      encoding = 'utf8';
    }

    if (!Buffer.isEncoding(encoding)) {
      throw new TypeError('"encoding" must be a valid string encoding')
    }

    var length = byteLength(string, encoding) | 0;
    that = createBuffer(that, length);

    var actual = that.write(string, encoding);

    if (actual !== length) {
      // Writing a hex string, for example, that contains invalid characters will
      // cause everything after the first invalid character to be ignored. (e.g.
      // 'abxxcd' will be treated as 'ab')
      that = that.slice(0, actual);
    }

    return that
  }

  function fromArrayLike (that, array) {
    var length = array.length < 0 ? 0 : checked(array.length) | 0;
    that = createBuffer(that, length);
    for (var i = 0; i < length; i += 1) {
      that[i] = array[i] & 255;
    }
    return that
  }

  function fromArrayBuffer (that, array, byteOffset, length) {
    array.byteLength; // this throws if `array` is not a valid ArrayBuffer

    if (byteOffset < 0 || array.byteLength < byteOffset) {
      throw new RangeError('\'offset\' is out of bounds')
    }

    if (array.byteLength < byteOffset + (length || 0)) {
      throw new RangeError('\'length\' is out of bounds')
    }

    if (byteOffset === undefined && length === undefined) {
      array = new Uint8Array(array);
    } else if (length === undefined) {
      array = new Uint8Array(array, byteOffset);
    } else {
      array = new Uint8Array(array, byteOffset, length);
    }

    if (Buffer.TYPED_ARRAY_SUPPORT) {
      // Return an augmented `Uint8Array` instance, for best performance
      that = array;
      that.__proto__ = Buffer.prototype;
    } else {
      // Fallback: Return an object instance of the Buffer class
      that = fromArrayLike(that, array);
    }
    return that
  }

  function fromObject (that, obj) {
    if (internalIsBuffer(obj)) {
      var len = checked(obj.length) | 0;
      that = createBuffer(that, len);

      if (that.length === 0) {
        return that
      }

      obj.copy(that, 0, 0, len);
      return that
    }

    if (obj) {
      if ((typeof ArrayBuffer !== 'undefined' &&
          obj.buffer instanceof ArrayBuffer) || 'length' in obj) {
        if (typeof obj.length !== 'number' || isnan(obj.length)) {
          return createBuffer(that, 0)
        }
        return fromArrayLike(that, obj)
      }

      if (obj.type === 'Buffer' && isArray(obj.data)) {
        return fromArrayLike(that, obj.data)
      }
    }

    throw new TypeError('First argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.')
  }

  function checked (length) {
    // Note: cannot use `length < kMaxLength()` here because that fails when
    // length is NaN (which is otherwise coerced to zero.)
    if (length >= kMaxLength()) {
      throw new RangeError('Attempt to allocate Buffer larger than maximum ' +
                           'size: 0x' + kMaxLength().toString(16) + ' bytes')
    }
    return length | 0
  }
  Buffer.isBuffer = isBuffer;
  function internalIsBuffer (b) {
    return !!(b != null && b._isBuffer)
  }

  Buffer.compare = function compare (a, b) {
    if (!internalIsBuffer(a) || !internalIsBuffer(b)) {
      throw new TypeError('Arguments must be Buffers')
    }

    if (a === b) return 0

    var x = a.length;
    var y = b.length;

    for (var i = 0, len = Math.min(x, y); i < len; ++i) {
      if (a[i] !== b[i]) {
        x = a[i];
        y = b[i];
        break
      }
    }

    if (x < y) return -1
    if (y < x) return 1
    return 0
  };

  Buffer.isEncoding = function isEncoding (encoding) {
    switch (String(encoding).toLowerCase()) {
      case 'hex':
      case 'utf8':
      case 'utf-8':
      case 'ascii':
      case 'latin1':
      case 'binary':
      case 'base64':
      case 'ucs2':
      case 'ucs-2':
      case 'utf16le':
      case 'utf-16le':
        return true
      default:
        return false
    }
  };

  Buffer.concat = function concat (list, length) {
    if (!isArray(list)) {
      throw new TypeError('"list" argument must be an Array of Buffers')
    }

    if (list.length === 0) {
      return Buffer.alloc(0)
    }

    var i;
    if (length === undefined) {
      length = 0;
      for (i = 0; i < list.length; ++i) {
        length += list[i].length;
      }
    }

    var buffer = Buffer.allocUnsafe(length);
    var pos = 0;
    for (i = 0; i < list.length; ++i) {
      var buf = list[i];
      if (!internalIsBuffer(buf)) {
        throw new TypeError('"list" argument must be an Array of Buffers')
      }
      buf.copy(buffer, pos);
      pos += buf.length;
    }
    return buffer
  };

  function byteLength (string, encoding) {
    if (internalIsBuffer(string)) {
      return string.length
    }
    if (typeof ArrayBuffer !== 'undefined' && typeof ArrayBuffer.isView === 'function' &&
        (ArrayBuffer.isView(string) || string instanceof ArrayBuffer)) {
      return string.byteLength
    }
    if (typeof string !== 'string') {
      string = '' + string;
    }

    var len = string.length;
    if (len === 0) return 0

    // Use a for loop to avoid recursion
    var loweredCase = false;
    for (;;) {
      switch (encoding) {
        case 'ascii':
        case 'latin1':
        case 'binary':
          return len
        case 'utf8':
        case 'utf-8':
        case undefined:
          return utf8ToBytes(string).length
        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return len * 2
        case 'hex':
          return len >>> 1
        case 'base64':
          return base64ToBytes(string).length
        default:
          if (loweredCase) return utf8ToBytes(string).length // assume utf8
          encoding = ('' + encoding).toLowerCase();
          loweredCase = true;
      }
    }
  }
  Buffer.byteLength = byteLength;

  function slowToString (encoding, start, end) {
    var loweredCase = false;

    // No need to verify that "this.length <= MAX_UINT32" since it's a read-only
    // property of a typed array.

    // This behaves neither like String nor Uint8Array in that we set start/end
    // to their upper/lower bounds if the value passed is out of range.
    // undefined is handled specially as per ECMA-262 6th Edition,
    // Section 13.3.3.7 Runtime Semantics: KeyedBindingInitialization.
    if (start === undefined || start < 0) {
      start = 0;
    }
    // Return early if start > this.length. Done here to prevent potential uint32
    // coercion fail below.
    if (start > this.length) {
      return ''
    }

    if (end === undefined || end > this.length) {
      end = this.length;
    }

    if (end <= 0) {
      return ''
    }

    // Force coersion to uint32. This will also coerce falsey/NaN values to 0.
    end >>>= 0;
    start >>>= 0;

    if (end <= start) {
      return ''
    }

    if (!encoding) encoding = 'utf8';

    while (true) {
      switch (encoding) {
        case 'hex':
          return hexSlice(this, start, end)

        case 'utf8':
        case 'utf-8':
          return utf8Slice(this, start, end)

        case 'ascii':
          return asciiSlice(this, start, end)

        case 'latin1':
        case 'binary':
          return latin1Slice(this, start, end)

        case 'base64':
          return base64Slice(this, start, end)

        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return utf16leSlice(this, start, end)

        default:
          if (loweredCase) throw new TypeError('Unknown encoding: ' + encoding)
          encoding = (encoding + '').toLowerCase();
          loweredCase = true;
      }
    }
  }

  // The property is used by `Buffer.isBuffer` and `is-buffer` (in Safari 5-7) to detect
  // Buffer instances.
  Buffer.prototype._isBuffer = true;

  function swap (b, n, m) {
    var i = b[n];
    b[n] = b[m];
    b[m] = i;
  }

  Buffer.prototype.swap16 = function swap16 () {
    var len = this.length;
    if (len % 2 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 16-bits')
    }
    for (var i = 0; i < len; i += 2) {
      swap(this, i, i + 1);
    }
    return this
  };

  Buffer.prototype.swap32 = function swap32 () {
    var len = this.length;
    if (len % 4 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 32-bits')
    }
    for (var i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this
  };

  Buffer.prototype.swap64 = function swap64 () {
    var len = this.length;
    if (len % 8 !== 0) {
      throw new RangeError('Buffer size must be a multiple of 64-bits')
    }
    for (var i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this
  };

  Buffer.prototype.toString = function toString () {
    var length = this.length | 0;
    if (length === 0) return ''
    if (arguments.length === 0) return utf8Slice(this, 0, length)
    return slowToString.apply(this, arguments)
  };

  Buffer.prototype.equals = function equals (b) {
    if (!internalIsBuffer(b)) throw new TypeError('Argument must be a Buffer')
    if (this === b) return true
    return Buffer.compare(this, b) === 0
  };

  Buffer.prototype.inspect = function inspect () {
    var str = '';
    var max = INSPECT_MAX_BYTES;
    if (this.length > 0) {
      str = this.toString('hex', 0, max).match(/.{2}/g).join(' ');
      if (this.length > max) str += ' ... ';
    }
    return '<Buffer ' + str + '>'
  };

  Buffer.prototype.compare = function compare (target, start, end, thisStart, thisEnd) {
    if (!internalIsBuffer(target)) {
      throw new TypeError('Argument must be a Buffer')
    }

    if (start === undefined) {
      start = 0;
    }
    if (end === undefined) {
      end = target ? target.length : 0;
    }
    if (thisStart === undefined) {
      thisStart = 0;
    }
    if (thisEnd === undefined) {
      thisEnd = this.length;
    }

    if (start < 0 || end > target.length || thisStart < 0 || thisEnd > this.length) {
      throw new RangeError('out of range index')
    }

    if (thisStart >= thisEnd && start >= end) {
      return 0
    }
    if (thisStart >= thisEnd) {
      return -1
    }
    if (start >= end) {
      return 1
    }

    start >>>= 0;
    end >>>= 0;
    thisStart >>>= 0;
    thisEnd >>>= 0;

    if (this === target) return 0

    var x = thisEnd - thisStart;
    var y = end - start;
    var len = Math.min(x, y);

    var thisCopy = this.slice(thisStart, thisEnd);
    var targetCopy = target.slice(start, end);

    for (var i = 0; i < len; ++i) {
      if (thisCopy[i] !== targetCopy[i]) {
        x = thisCopy[i];
        y = targetCopy[i];
        break
      }
    }

    if (x < y) return -1
    if (y < x) return 1
    return 0
  };

  // Finds either the first index of `val` in `buffer` at offset >= `byteOffset`,
  // OR the last index of `val` in `buffer` at offset <= `byteOffset`.
  //
  // Arguments:
  // - buffer - a Buffer to search
  // - val - a string, Buffer, or number
  // - byteOffset - an index into `buffer`; will be clamped to an int32
  // - encoding - an optional encoding, relevant is val is a string
  // - dir - true for indexOf, false for lastIndexOf
  function bidirectionalIndexOf (buffer, val, byteOffset, encoding, dir) {
    // Empty buffer means no match
    if (buffer.length === 0) return -1

    // Normalize byteOffset
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = 0;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -2147483648) {
      byteOffset = -2147483648;
    }
    byteOffset = +byteOffset;  // Coerce to Number.
    if (isNaN(byteOffset)) {
      // byteOffset: it it's undefined, null, NaN, "foo", etc, search whole buffer
      byteOffset = dir ? 0 : (buffer.length - 1);
    }

    // Normalize byteOffset: negative offsets start from the end of the buffer
    if (byteOffset < 0) byteOffset = buffer.length + byteOffset;
    if (byteOffset >= buffer.length) {
      if (dir) return -1
      else byteOffset = buffer.length - 1;
    } else if (byteOffset < 0) {
      if (dir) byteOffset = 0;
      else return -1
    }

    // Normalize val
    if (typeof val === 'string') {
      val = Buffer.from(val, encoding);
    }

    // Finally, search either indexOf (if dir is true) or lastIndexOf
    if (internalIsBuffer(val)) {
      // Special case: looking for empty string/buffer always fails
      if (val.length === 0) {
        return -1
      }
      return arrayIndexOf(buffer, val, byteOffset, encoding, dir)
    } else if (typeof val === 'number') {
      val = val & 0xFF; // Search for a byte value [0-255]
      if (Buffer.TYPED_ARRAY_SUPPORT &&
          typeof Uint8Array.prototype.indexOf === 'function') {
        if (dir) {
          return Uint8Array.prototype.indexOf.call(buffer, val, byteOffset)
        } else {
          return Uint8Array.prototype.lastIndexOf.call(buffer, val, byteOffset)
        }
      }
      return arrayIndexOf(buffer, [ val ], byteOffset, encoding, dir)
    }

    throw new TypeError('val must be string, number or Buffer')
  }

  function arrayIndexOf (arr, val, byteOffset, encoding, dir) {
    var indexSize = 1;
    var arrLength = arr.length;
    var valLength = val.length;

    if (encoding !== undefined) {
      encoding = String(encoding).toLowerCase();
      if (encoding === 'ucs2' || encoding === 'ucs-2' ||
          encoding === 'utf16le' || encoding === 'utf-16le') {
        if (arr.length < 2 || val.length < 2) {
          return -1
        }
        indexSize = 2;
        arrLength /= 2;
        valLength /= 2;
        byteOffset /= 2;
      }
    }

    function read (buf, i) {
      if (indexSize === 1) {
        return buf[i]
      } else {
        return buf.readUInt16BE(i * indexSize)
      }
    }

    var i;
    if (dir) {
      var foundIndex = -1;
      for (i = byteOffset; i < arrLength; i++) {
        if (read(arr, i) === read(val, foundIndex === -1 ? 0 : i - foundIndex)) {
          if (foundIndex === -1) foundIndex = i;
          if (i - foundIndex + 1 === valLength) return foundIndex * indexSize
        } else {
          if (foundIndex !== -1) i -= i - foundIndex;
          foundIndex = -1;
        }
      }
    } else {
      if (byteOffset + valLength > arrLength) byteOffset = arrLength - valLength;
      for (i = byteOffset; i >= 0; i--) {
        var found = true;
        for (var j = 0; j < valLength; j++) {
          if (read(arr, i + j) !== read(val, j)) {
            found = false;
            break
          }
        }
        if (found) return i
      }
    }

    return -1
  }

  Buffer.prototype.includes = function includes (val, byteOffset, encoding) {
    return this.indexOf(val, byteOffset, encoding) !== -1
  };

  Buffer.prototype.indexOf = function indexOf (val, byteOffset, encoding) {
    return bidirectionalIndexOf(this, val, byteOffset, encoding, true)
  };

  Buffer.prototype.lastIndexOf = function lastIndexOf (val, byteOffset, encoding) {
    return bidirectionalIndexOf(this, val, byteOffset, encoding, false)
  };

  function hexWrite (buf, string, offset, length) {
    offset = Number(offset) || 0;
    var remaining = buf.length - offset;
    if (!length) {
      length = remaining;
    } else {
      length = Number(length);
      if (length > remaining) {
        length = remaining;
      }
    }

    // must be an even number of digits
    var strLen = string.length;
    if (strLen % 2 !== 0) throw new TypeError('Invalid hex string')

    if (length > strLen / 2) {
      length = strLen / 2;
    }
    for (var i = 0; i < length; ++i) {
      var parsed = parseInt(string.substr(i * 2, 2), 16);
      if (isNaN(parsed)) return i
      buf[offset + i] = parsed;
    }
    return i
  }

  function utf8Write (buf, string, offset, length) {
    return blitBuffer(utf8ToBytes(string, buf.length - offset), buf, offset, length)
  }

  function asciiWrite (buf, string, offset, length) {
    return blitBuffer(asciiToBytes(string), buf, offset, length)
  }

  function latin1Write (buf, string, offset, length) {
    return asciiWrite(buf, string, offset, length)
  }

  function base64Write (buf, string, offset, length) {
    return blitBuffer(base64ToBytes(string), buf, offset, length)
  }

  function ucs2Write (buf, string, offset, length) {
    return blitBuffer(utf16leToBytes(string, buf.length - offset), buf, offset, length)
  }

  Buffer.prototype.write = function write (string, offset, length, encoding) {
    // Buffer#write(string)
    if (offset === undefined) {
      encoding = 'utf8';
      length = this.length;
      offset = 0;
    // Buffer#write(string, encoding)
    } else if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    // Buffer#write(string, offset[, length][, encoding])
    } else if (isFinite(offset)) {
      offset = offset | 0;
      if (isFinite(length)) {
        length = length | 0;
        if (encoding === undefined) encoding = 'utf8';
      } else {
        encoding = length;
        length = undefined;
      }
    // legacy write(string, encoding, offset, length) - remove in v0.13
    } else {
      throw new Error(
        'Buffer.write(string, encoding, offset[, length]) is no longer supported'
      )
    }

    var remaining = this.length - offset;
    if (length === undefined || length > remaining) length = remaining;

    if ((string.length > 0 && (length < 0 || offset < 0)) || offset > this.length) {
      throw new RangeError('Attempt to write outside buffer bounds')
    }

    if (!encoding) encoding = 'utf8';

    var loweredCase = false;
    for (;;) {
      switch (encoding) {
        case 'hex':
          return hexWrite(this, string, offset, length)

        case 'utf8':
        case 'utf-8':
          return utf8Write(this, string, offset, length)

        case 'ascii':
          return asciiWrite(this, string, offset, length)

        case 'latin1':
        case 'binary':
          return latin1Write(this, string, offset, length)

        case 'base64':
          // Warning: maxLength not taken into account in base64Write
          return base64Write(this, string, offset, length)

        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return ucs2Write(this, string, offset, length)

        default:
          if (loweredCase) throw new TypeError('Unknown encoding: ' + encoding)
          encoding = ('' + encoding).toLowerCase();
          loweredCase = true;
      }
    }
  };

  Buffer.prototype.toJSON = function toJSON () {
    return {
      type: 'Buffer',
      data: Array.prototype.slice.call(this._arr || this, 0)
    }
  };

  function base64Slice (buf, start, end) {
    if (start === 0 && end === buf.length) {
      return fromByteArray(buf)
    } else {
      return fromByteArray(buf.slice(start, end))
    }
  }

  function utf8Slice (buf, start, end) {
    end = Math.min(buf.length, end);
    var res = [];

    var i = start;
    while (i < end) {
      var firstByte = buf[i];
      var codePoint = null;
      var bytesPerSequence = (firstByte > 0xEF) ? 4
        : (firstByte > 0xDF) ? 3
        : (firstByte > 0xBF) ? 2
        : 1;

      if (i + bytesPerSequence <= end) {
        var secondByte, thirdByte, fourthByte, tempCodePoint;

        switch (bytesPerSequence) {
          case 1:
            if (firstByte < 0x80) {
              codePoint = firstByte;
            }
            break
          case 2:
            secondByte = buf[i + 1];
            if ((secondByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0x1F) << 0x6 | (secondByte & 0x3F);
              if (tempCodePoint > 0x7F) {
                codePoint = tempCodePoint;
              }
            }
            break
          case 3:
            secondByte = buf[i + 1];
            thirdByte = buf[i + 2];
            if ((secondByte & 0xC0) === 0x80 && (thirdByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0xF) << 0xC | (secondByte & 0x3F) << 0x6 | (thirdByte & 0x3F);
              if (tempCodePoint > 0x7FF && (tempCodePoint < 0xD800 || tempCodePoint > 0xDFFF)) {
                codePoint = tempCodePoint;
              }
            }
            break
          case 4:
            secondByte = buf[i + 1];
            thirdByte = buf[i + 2];
            fourthByte = buf[i + 3];
            if ((secondByte & 0xC0) === 0x80 && (thirdByte & 0xC0) === 0x80 && (fourthByte & 0xC0) === 0x80) {
              tempCodePoint = (firstByte & 0xF) << 0x12 | (secondByte & 0x3F) << 0xC | (thirdByte & 0x3F) << 0x6 | (fourthByte & 0x3F);
              if (tempCodePoint > 0xFFFF && tempCodePoint < 0x110000) {
                codePoint = tempCodePoint;
              }
            }
        }
      }

      if (codePoint === null) {
        // we did not generate a valid codePoint so insert a
        // replacement char (U+FFFD) and advance only 1 byte
        codePoint = 0xFFFD;
        bytesPerSequence = 1;
      } else if (codePoint > 0xFFFF) {
        // encode to utf16 (surrogate pair dance)
        codePoint -= 0x10000;
        res.push(codePoint >>> 10 & 0x3FF | 0xD800);
        codePoint = 0xDC00 | codePoint & 0x3FF;
      }

      res.push(codePoint);
      i += bytesPerSequence;
    }

    return decodeCodePointsArray(res)
  }

  // Based on http://stackoverflow.com/a/22747272/680742, the browser with
  // the lowest limit is Chrome, with 0x10000 args.
  // We go 1 magnitude less, for safety
  var MAX_ARGUMENTS_LENGTH = 0x1000;

  function decodeCodePointsArray (codePoints) {
    var len = codePoints.length;
    if (len <= MAX_ARGUMENTS_LENGTH) {
      return String.fromCharCode.apply(String, codePoints) // avoid extra slice()
    }

    // Decode in chunks to avoid "call stack size exceeded".
    var res = '';
    var i = 0;
    while (i < len) {
      res += String.fromCharCode.apply(
        String,
        codePoints.slice(i, i += MAX_ARGUMENTS_LENGTH)
      );
    }
    return res
  }

  function asciiSlice (buf, start, end) {
    var ret = '';
    end = Math.min(buf.length, end);

    for (var i = start; i < end; ++i) {
      ret += String.fromCharCode(buf[i] & 0x7F);
    }
    return ret
  }

  function latin1Slice (buf, start, end) {
    var ret = '';
    end = Math.min(buf.length, end);

    for (var i = start; i < end; ++i) {
      ret += String.fromCharCode(buf[i]);
    }
    return ret
  }

  function hexSlice (buf, start, end) {
    var len = buf.length;

    if (!start || start < 0) start = 0;
    if (!end || end < 0 || end > len) end = len;

    var out = '';
    for (var i = start; i < end; ++i) {
      out += toHex(buf[i]);
    }
    return out
  }

  function utf16leSlice (buf, start, end) {
    var bytes = buf.slice(start, end);
    var res = '';
    for (var i = 0; i < bytes.length; i += 2) {
      res += String.fromCharCode(bytes[i] + bytes[i + 1] * 256);
    }
    return res
  }

  Buffer.prototype.slice = function slice (start, end) {
    var len = this.length;
    start = ~~start;
    end = end === undefined ? len : ~~end;

    if (start < 0) {
      start += len;
      if (start < 0) start = 0;
    } else if (start > len) {
      start = len;
    }

    if (end < 0) {
      end += len;
      if (end < 0) end = 0;
    } else if (end > len) {
      end = len;
    }

    if (end < start) end = start;

    var newBuf;
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      newBuf = this.subarray(start, end);
      newBuf.__proto__ = Buffer.prototype;
    } else {
      var sliceLen = end - start;
      newBuf = new Buffer(sliceLen, undefined);
      for (var i = 0; i < sliceLen; ++i) {
        newBuf[i] = this[i + start];
      }
    }

    return newBuf
  };

  /*
   * Need to make sure that buffer isn't trying to write out of bounds.
   */
  function checkOffset (offset, ext, length) {
    if ((offset % 1) !== 0 || offset < 0) throw new RangeError('offset is not uint')
    if (offset + ext > length) throw new RangeError('Trying to access beyond buffer length')
  }

  Buffer.prototype.readUIntLE = function readUIntLE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset(offset, byteLength, this.length);

    var val = this[offset];
    var mul = 1;
    var i = 0;
    while (++i < byteLength && (mul *= 0x100)) {
      val += this[offset + i] * mul;
    }

    return val
  };

  Buffer.prototype.readUIntBE = function readUIntBE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      checkOffset(offset, byteLength, this.length);
    }

    var val = this[offset + --byteLength];
    var mul = 1;
    while (byteLength > 0 && (mul *= 0x100)) {
      val += this[offset + --byteLength] * mul;
    }

    return val
  };

  Buffer.prototype.readUInt8 = function readUInt8 (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 1, this.length);
    return this[offset]
  };

  Buffer.prototype.readUInt16LE = function readUInt16LE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 2, this.length);
    return this[offset] | (this[offset + 1] << 8)
  };

  Buffer.prototype.readUInt16BE = function readUInt16BE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 2, this.length);
    return (this[offset] << 8) | this[offset + 1]
  };

  Buffer.prototype.readUInt32LE = function readUInt32LE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);

    return ((this[offset]) |
        (this[offset + 1] << 8) |
        (this[offset + 2] << 16)) +
        (this[offset + 3] * 0x1000000)
  };

  Buffer.prototype.readUInt32BE = function readUInt32BE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);

    return (this[offset] * 0x1000000) +
      ((this[offset + 1] << 16) |
      (this[offset + 2] << 8) |
      this[offset + 3])
  };

  Buffer.prototype.readIntLE = function readIntLE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset(offset, byteLength, this.length);

    var val = this[offset];
    var mul = 1;
    var i = 0;
    while (++i < byteLength && (mul *= 0x100)) {
      val += this[offset + i] * mul;
    }
    mul *= 0x80;

    if (val >= mul) val -= Math.pow(2, 8 * byteLength);

    return val
  };

  Buffer.prototype.readIntBE = function readIntBE (offset, byteLength, noAssert) {
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) checkOffset(offset, byteLength, this.length);

    var i = byteLength;
    var mul = 1;
    var val = this[offset + --i];
    while (i > 0 && (mul *= 0x100)) {
      val += this[offset + --i] * mul;
    }
    mul *= 0x80;

    if (val >= mul) val -= Math.pow(2, 8 * byteLength);

    return val
  };

  Buffer.prototype.readInt8 = function readInt8 (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 1, this.length);
    if (!(this[offset] & 0x80)) return (this[offset])
    return ((0xff - this[offset] + 1) * -1)
  };

  Buffer.prototype.readInt16LE = function readInt16LE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 2, this.length);
    var val = this[offset] | (this[offset + 1] << 8);
    return (val & 0x8000) ? val | 0xFFFF0000 : val
  };

  Buffer.prototype.readInt16BE = function readInt16BE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 2, this.length);
    var val = this[offset + 1] | (this[offset] << 8);
    return (val & 0x8000) ? val | 0xFFFF0000 : val
  };

  Buffer.prototype.readInt32LE = function readInt32LE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);

    return (this[offset]) |
      (this[offset + 1] << 8) |
      (this[offset + 2] << 16) |
      (this[offset + 3] << 24)
  };

  Buffer.prototype.readInt32BE = function readInt32BE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);

    return (this[offset] << 24) |
      (this[offset + 1] << 16) |
      (this[offset + 2] << 8) |
      (this[offset + 3])
  };

  Buffer.prototype.readFloatLE = function readFloatLE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);
    return read(this, offset, true, 23, 4)
  };

  Buffer.prototype.readFloatBE = function readFloatBE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 4, this.length);
    return read(this, offset, false, 23, 4)
  };

  Buffer.prototype.readDoubleLE = function readDoubleLE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 8, this.length);
    return read(this, offset, true, 52, 8)
  };

  Buffer.prototype.readDoubleBE = function readDoubleBE (offset, noAssert) {
    if (!noAssert) checkOffset(offset, 8, this.length);
    return read(this, offset, false, 52, 8)
  };

  function checkInt (buf, value, offset, ext, max, min) {
    if (!internalIsBuffer(buf)) throw new TypeError('"buffer" argument must be a Buffer instance')
    if (value > max || value < min) throw new RangeError('"value" argument is out of bounds')
    if (offset + ext > buf.length) throw new RangeError('Index out of range')
  }

  Buffer.prototype.writeUIntLE = function writeUIntLE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      var maxBytes = Math.pow(2, 8 * byteLength) - 1;
      checkInt(this, value, offset, byteLength, maxBytes, 0);
    }

    var mul = 1;
    var i = 0;
    this[offset] = value & 0xFF;
    while (++i < byteLength && (mul *= 0x100)) {
      this[offset + i] = (value / mul) & 0xFF;
    }

    return offset + byteLength
  };

  Buffer.prototype.writeUIntBE = function writeUIntBE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    byteLength = byteLength | 0;
    if (!noAssert) {
      var maxBytes = Math.pow(2, 8 * byteLength) - 1;
      checkInt(this, value, offset, byteLength, maxBytes, 0);
    }

    var i = byteLength - 1;
    var mul = 1;
    this[offset + i] = value & 0xFF;
    while (--i >= 0 && (mul *= 0x100)) {
      this[offset + i] = (value / mul) & 0xFF;
    }

    return offset + byteLength
  };

  Buffer.prototype.writeUInt8 = function writeUInt8 (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 1, 0xff, 0);
    if (!Buffer.TYPED_ARRAY_SUPPORT) value = Math.floor(value);
    this[offset] = (value & 0xff);
    return offset + 1
  };

  function objectWriteUInt16 (buf, value, offset, littleEndian) {
    if (value < 0) value = 0xffff + value + 1;
    for (var i = 0, j = Math.min(buf.length - offset, 2); i < j; ++i) {
      buf[offset + i] = (value & (0xff << (8 * (littleEndian ? i : 1 - i)))) >>>
        (littleEndian ? i : 1 - i) * 8;
    }
  }

  Buffer.prototype.writeUInt16LE = function writeUInt16LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 2, 0xffff, 0);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
    } else {
      objectWriteUInt16(this, value, offset, true);
    }
    return offset + 2
  };

  Buffer.prototype.writeUInt16BE = function writeUInt16BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 2, 0xffff, 0);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 8);
      this[offset + 1] = (value & 0xff);
    } else {
      objectWriteUInt16(this, value, offset, false);
    }
    return offset + 2
  };

  function objectWriteUInt32 (buf, value, offset, littleEndian) {
    if (value < 0) value = 0xffffffff + value + 1;
    for (var i = 0, j = Math.min(buf.length - offset, 4); i < j; ++i) {
      buf[offset + i] = (value >>> (littleEndian ? i : 3 - i) * 8) & 0xff;
    }
  }

  Buffer.prototype.writeUInt32LE = function writeUInt32LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 4, 0xffffffff, 0);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset + 3] = (value >>> 24);
      this[offset + 2] = (value >>> 16);
      this[offset + 1] = (value >>> 8);
      this[offset] = (value & 0xff);
    } else {
      objectWriteUInt32(this, value, offset, true);
    }
    return offset + 4
  };

  Buffer.prototype.writeUInt32BE = function writeUInt32BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 4, 0xffffffff, 0);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 24);
      this[offset + 1] = (value >>> 16);
      this[offset + 2] = (value >>> 8);
      this[offset + 3] = (value & 0xff);
    } else {
      objectWriteUInt32(this, value, offset, false);
    }
    return offset + 4
  };

  Buffer.prototype.writeIntLE = function writeIntLE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) {
      var limit = Math.pow(2, 8 * byteLength - 1);

      checkInt(this, value, offset, byteLength, limit - 1, -limit);
    }

    var i = 0;
    var mul = 1;
    var sub = 0;
    this[offset] = value & 0xFF;
    while (++i < byteLength && (mul *= 0x100)) {
      if (value < 0 && sub === 0 && this[offset + i - 1] !== 0) {
        sub = 1;
      }
      this[offset + i] = ((value / mul) >> 0) - sub & 0xFF;
    }

    return offset + byteLength
  };

  Buffer.prototype.writeIntBE = function writeIntBE (value, offset, byteLength, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) {
      var limit = Math.pow(2, 8 * byteLength - 1);

      checkInt(this, value, offset, byteLength, limit - 1, -limit);
    }

    var i = byteLength - 1;
    var mul = 1;
    var sub = 0;
    this[offset + i] = value & 0xFF;
    while (--i >= 0 && (mul *= 0x100)) {
      if (value < 0 && sub === 0 && this[offset + i + 1] !== 0) {
        sub = 1;
      }
      this[offset + i] = ((value / mul) >> 0) - sub & 0xFF;
    }

    return offset + byteLength
  };

  Buffer.prototype.writeInt8 = function writeInt8 (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 1, 0x7f, -128);
    if (!Buffer.TYPED_ARRAY_SUPPORT) value = Math.floor(value);
    if (value < 0) value = 0xff + value + 1;
    this[offset] = (value & 0xff);
    return offset + 1
  };

  Buffer.prototype.writeInt16LE = function writeInt16LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 2, 0x7fff, -32768);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
    } else {
      objectWriteUInt16(this, value, offset, true);
    }
    return offset + 2
  };

  Buffer.prototype.writeInt16BE = function writeInt16BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 2, 0x7fff, -32768);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 8);
      this[offset + 1] = (value & 0xff);
    } else {
      objectWriteUInt16(this, value, offset, false);
    }
    return offset + 2
  };

  Buffer.prototype.writeInt32LE = function writeInt32LE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 4, 0x7fffffff, -2147483648);
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value & 0xff);
      this[offset + 1] = (value >>> 8);
      this[offset + 2] = (value >>> 16);
      this[offset + 3] = (value >>> 24);
    } else {
      objectWriteUInt32(this, value, offset, true);
    }
    return offset + 4
  };

  Buffer.prototype.writeInt32BE = function writeInt32BE (value, offset, noAssert) {
    value = +value;
    offset = offset | 0;
    if (!noAssert) checkInt(this, value, offset, 4, 0x7fffffff, -2147483648);
    if (value < 0) value = 0xffffffff + value + 1;
    if (Buffer.TYPED_ARRAY_SUPPORT) {
      this[offset] = (value >>> 24);
      this[offset + 1] = (value >>> 16);
      this[offset + 2] = (value >>> 8);
      this[offset + 3] = (value & 0xff);
    } else {
      objectWriteUInt32(this, value, offset, false);
    }
    return offset + 4
  };

  function checkIEEE754 (buf, value, offset, ext, max, min) {
    if (offset + ext > buf.length) throw new RangeError('Index out of range')
    if (offset < 0) throw new RangeError('Index out of range')
  }

  function writeFloat (buf, value, offset, littleEndian, noAssert) {
    if (!noAssert) {
      checkIEEE754(buf, value, offset, 4);
    }
    write(buf, value, offset, littleEndian, 23, 4);
    return offset + 4
  }

  Buffer.prototype.writeFloatLE = function writeFloatLE (value, offset, noAssert) {
    return writeFloat(this, value, offset, true, noAssert)
  };

  Buffer.prototype.writeFloatBE = function writeFloatBE (value, offset, noAssert) {
    return writeFloat(this, value, offset, false, noAssert)
  };

  function writeDouble (buf, value, offset, littleEndian, noAssert) {
    if (!noAssert) {
      checkIEEE754(buf, value, offset, 8);
    }
    write(buf, value, offset, littleEndian, 52, 8);
    return offset + 8
  }

  Buffer.prototype.writeDoubleLE = function writeDoubleLE (value, offset, noAssert) {
    return writeDouble(this, value, offset, true, noAssert)
  };

  Buffer.prototype.writeDoubleBE = function writeDoubleBE (value, offset, noAssert) {
    return writeDouble(this, value, offset, false, noAssert)
  };

  // copy(targetBuffer, targetStart=0, sourceStart=0, sourceEnd=buffer.length)
  Buffer.prototype.copy = function copy (target, targetStart, start, end) {
    if (!start) start = 0;
    if (!end && end !== 0) end = this.length;
    if (targetStart >= target.length) targetStart = target.length;
    if (!targetStart) targetStart = 0;
    if (end > 0 && end < start) end = start;

    // Copy 0 bytes; we're done
    if (end === start) return 0
    if (target.length === 0 || this.length === 0) return 0

    // Fatal error conditions
    if (targetStart < 0) {
      throw new RangeError('targetStart out of bounds')
    }
    if (start < 0 || start >= this.length) throw new RangeError('sourceStart out of bounds')
    if (end < 0) throw new RangeError('sourceEnd out of bounds')

    // Are we oob?
    if (end > this.length) end = this.length;
    if (target.length - targetStart < end - start) {
      end = target.length - targetStart + start;
    }

    var len = end - start;
    var i;

    if (this === target && start < targetStart && targetStart < end) {
      // descending copy from end
      for (i = len - 1; i >= 0; --i) {
        target[i + targetStart] = this[i + start];
      }
    } else if (len < 1000 || !Buffer.TYPED_ARRAY_SUPPORT) {
      // ascending copy from start
      for (i = 0; i < len; ++i) {
        target[i + targetStart] = this[i + start];
      }
    } else {
      Uint8Array.prototype.set.call(
        target,
        this.subarray(start, start + len),
        targetStart
      );
    }

    return len
  };

  // Usage:
  //    buffer.fill(number[, offset[, end]])
  //    buffer.fill(buffer[, offset[, end]])
  //    buffer.fill(string[, offset[, end]][, encoding])
  Buffer.prototype.fill = function fill (val, start, end, encoding) {
    // Handle string cases:
    if (typeof val === 'string') {
      if (typeof start === 'string') {
        encoding = start;
        start = 0;
        end = this.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = this.length;
      }
      if (val.length === 1) {
        var code = val.charCodeAt(0);
        if (code < 256) {
          val = code;
        }
      }
      if (encoding !== undefined && typeof encoding !== 'string') {
        throw new TypeError('encoding must be a string')
      }
      if (typeof encoding === 'string' && !Buffer.isEncoding(encoding)) {
        throw new TypeError('Unknown encoding: ' + encoding)
      }
    } else if (typeof val === 'number') {
      val = val & 255;
    }

    // Invalid ranges are not set to a default, so can range check early.
    if (start < 0 || this.length < start || this.length < end) {
      throw new RangeError('Out of range index')
    }

    if (end <= start) {
      return this
    }

    start = start >>> 0;
    end = end === undefined ? this.length : end >>> 0;

    if (!val) val = 0;

    var i;
    if (typeof val === 'number') {
      for (i = start; i < end; ++i) {
        this[i] = val;
      }
    } else {
      var bytes = internalIsBuffer(val)
        ? val
        : utf8ToBytes(new Buffer(val, encoding).toString());
      var len = bytes.length;
      for (i = 0; i < end - start; ++i) {
        this[i + start] = bytes[i % len];
      }
    }

    return this
  };

  // HELPER FUNCTIONS
  // ================

  var INVALID_BASE64_RE = /[^+\/0-9A-Za-z-_]/g;

  function base64clean (str) {
    // Node strips out invalid characters like \n and \t from the string, base64-js does not
    str = stringtrim(str).replace(INVALID_BASE64_RE, '');
    // Node converts strings with length < 2 to ''
    if (str.length < 2) return ''
    // Node allows for non-padded base64 strings (missing trailing ===), base64-js does not
    while (str.length % 4 !== 0) {
      str = str + '=';
    }
    return str
  }

  function stringtrim (str) {
    if (str.trim) return str.trim()
    return str.replace(/^\s+|\s+$/g, '')
  }

  function toHex (n) {
    if (n < 16) return '0' + n.toString(16)
    return n.toString(16)
  }

  function utf8ToBytes (string, units) {
    units = units || Infinity;
    var codePoint;
    var length = string.length;
    var leadSurrogate = null;
    var bytes = [];

    for (var i = 0; i < length; ++i) {
      codePoint = string.charCodeAt(i);

      // is surrogate component
      if (codePoint > 0xD7FF && codePoint < 0xE000) {
        // last char was a lead
        if (!leadSurrogate) {
          // no lead yet
          if (codePoint > 0xDBFF) {
            // unexpected trail
            if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
            continue
          } else if (i + 1 === length) {
            // unpaired lead
            if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
            continue
          }

          // valid lead
          leadSurrogate = codePoint;

          continue
        }

        // 2 leads in a row
        if (codePoint < 0xDC00) {
          if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
          leadSurrogate = codePoint;
          continue
        }

        // valid surrogate pair
        codePoint = (leadSurrogate - 0xD800 << 10 | codePoint - 0xDC00) + 0x10000;
      } else if (leadSurrogate) {
        // valid bmp char, but last char was a lead
        if ((units -= 3) > -1) bytes.push(0xEF, 0xBF, 0xBD);
      }

      leadSurrogate = null;

      // encode utf8
      if (codePoint < 0x80) {
        if ((units -= 1) < 0) break
        bytes.push(codePoint);
      } else if (codePoint < 0x800) {
        if ((units -= 2) < 0) break
        bytes.push(
          codePoint >> 0x6 | 0xC0,
          codePoint & 0x3F | 0x80
        );
      } else if (codePoint < 0x10000) {
        if ((units -= 3) < 0) break
        bytes.push(
          codePoint >> 0xC | 0xE0,
          codePoint >> 0x6 & 0x3F | 0x80,
          codePoint & 0x3F | 0x80
        );
      } else if (codePoint < 0x110000) {
        if ((units -= 4) < 0) break
        bytes.push(
          codePoint >> 0x12 | 0xF0,
          codePoint >> 0xC & 0x3F | 0x80,
          codePoint >> 0x6 & 0x3F | 0x80,
          codePoint & 0x3F | 0x80
        );
      } else {
        throw new Error('Invalid code point')
      }
    }

    return bytes
  }

  function asciiToBytes (str) {
    var byteArray = [];
    for (var i = 0; i < str.length; ++i) {
      // Node's code seems to be doing this and not & 0x7F..
      byteArray.push(str.charCodeAt(i) & 0xFF);
    }
    return byteArray
  }

  function utf16leToBytes (str, units) {
    var c, hi, lo;
    var byteArray = [];
    for (var i = 0; i < str.length; ++i) {
      if ((units -= 2) < 0) break

      c = str.charCodeAt(i);
      hi = c >> 8;
      lo = c % 256;
      byteArray.push(lo);
      byteArray.push(hi);
    }

    return byteArray
  }


  function base64ToBytes (str) {
    return toByteArray(base64clean(str))
  }

  function blitBuffer (src, dst, offset, length) {
    for (var i = 0; i < length; ++i) {
      if ((i + offset >= dst.length) || (i >= src.length)) break
      dst[i + offset] = src[i];
    }
    return i
  }

  function isnan (val) {
    return val !== val // eslint-disable-line no-self-compare
  }


  // the following is from is-buffer, also by Feross Aboukhadijeh and with same lisence
  // The _isBuffer check is for Safari 5-7 support, because it's missing
  // Object.prototype.constructor. Remove this eventually
  function isBuffer(obj) {
    return obj != null && (!!obj._isBuffer || isFastBuffer(obj) || isSlowBuffer(obj))
  }

  function isFastBuffer (obj) {
    return !!obj.constructor && typeof obj.constructor.isBuffer === 'function' && obj.constructor.isBuffer(obj)
  }

  // For Node v0.10 support. Remove this eventually.
  function isSlowBuffer (obj) {
    return typeof obj.readFloatLE === 'function' && typeof obj.slice === 'function' && isFastBuffer(obj.slice(0, 0))
  }

  // Lodash implementation of `get`

  const charCodeOfDot = ".".charCodeAt(0);
  const reEscapeChar = /\\(\\)?/g;
  const rePropName = RegExp(
    // Match anything that isn't a dot or bracket.
    "[^.[\\]]+" +
      "|" +
      // Or match property names within brackets.
      "\\[(?:" +
      // Match a non-string expression.
      "([^\"'][^[]*)" +
      "|" +
      // Or match strings (supports escaping characters).
      "([\"'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2" +
      ")\\]" +
      "|" +
      // Or match "" as the space between consecutive dots or empty brackets.
      "(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))",
    "g",
  );
  const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
  const reIsPlainProp = /^\w*$/;

  const getTag = function (value) {
    // if (!value) value === undefined ? "[object Undefined]" : "[object Null]";
    return Object.prototype.toString.call(value);
  };

  const isSymbol = function (value) {
    const type = typeof value;
    return (
      type === "symbol" ||
      (type === "object" && value && getTag(value) === "[object Symbol]")
    );
  };

  const isKey = function (value, object) {
    if (Array.isArray(value)) {
      return false;
    }
    const type = typeof value;
    if (
      type === "number" ||
      type === "symbol" ||
      type === "boolean" ||
      !value ||
      isSymbol(value)
    ) {
      return true;
    }
    return (
      reIsPlainProp.test(value) ||
      !reIsDeepProp.test(value) ||
      (object != null && value in Object(object))
    );
  };

  const stringToPath = function (string) {
    const result = [];
    if (string.charCodeAt(0) === charCodeOfDot) {
      result.push("");
    }
    string.replace(rePropName, function (match, expression, quote, subString) {
      let key = match;
      if (quote) {
        key = subString.replace(reEscapeChar, "$1");
      } else if (expression) {
        key = expression.trim();
      }
      result.push(key);
    });
    return result;
  };

  const castPath = function (value, object) {
    if (Array.isArray(value)) {
      return value;
    } else {
      return isKey(value, object) ? [value] : stringToPath(value);
    }
  };

  const toKey = function (value) {
    if (typeof value === "string" || isSymbol(value)) return value;
    const result = `${value}`;
    return result == "0" && 1 / value == -Infinity ? "-0" : result;
  };

  const get = function (object, path) {
    path = castPath(path, object);
    let index = 0;
    const length = path.length;
    while (object != null && index < length) {
      object = object[toKey(path[index++])];
    }
    return index && index === length ? object : undefined;
  };

  const is_object = function (obj) {
    return typeof obj === "object" && obj !== null && !Array.isArray(obj);
  };

  const normalize_columns = function (columns) {
    if (columns === undefined || columns === null) {
      return [undefined, undefined];
    }
    if (typeof columns !== "object") {
      return [Error('Invalid option "columns": expect an array or an object')];
    }
    if (!Array.isArray(columns)) {
      const newcolumns = [];
      for (const k in columns) {
        newcolumns.push({
          key: k,
          header: columns[k],
        });
      }
      columns = newcolumns;
    } else {
      const newcolumns = [];
      for (const column of columns) {
        if (typeof column === "string") {
          newcolumns.push({
            key: column,
            header: column,
          });
        } else if (
          typeof column === "object" &&
          column !== null &&
          !Array.isArray(column)
        ) {
          if (!column.key) {
            return [
              Error('Invalid column definition: property "key" is required'),
            ];
          }
          if (column.header === undefined) {
            column.header = column.key;
          }
          newcolumns.push(column);
        } else {
          return [
            Error("Invalid column definition: expect a string or an object"),
          ];
        }
      }
      columns = newcolumns;
    }
    return [undefined, columns];
  };

  class CsvError extends Error {
    constructor(code, message, ...contexts) {
      if (Array.isArray(message)) message = message.join(" ");
      super(message);
      if (Error.captureStackTrace !== undefined) {
        Error.captureStackTrace(this, CsvError);
      }
      this.code = code;
      for (const context of contexts) {
        for (const key in context) {
          const value = context[key];
          this[key] = isBuffer(value)
            ? value.toString()
            : value == null
              ? value
              : JSON.parse(JSON.stringify(value));
        }
      }
    }
  }

  const underscore = function (str) {
    return str.replace(/([A-Z])/g, function (_, match) {
      return "_" + match.toLowerCase();
    });
  };

  const normalize_options = function (opts) {
    const options = {};
    // Merge with user options
    for (const opt in opts) {
      options[underscore(opt)] = opts[opt];
    }
    // Normalize option `bom`
    if (
      options.bom === undefined ||
      options.bom === null ||
      options.bom === false
    ) {
      options.bom = false;
    } else if (options.bom !== true) {
      return [
        new CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
          "option `bom` is optional and must be a boolean value,",
          `got ${JSON.stringify(options.bom)}`,
        ]),
      ];
    }
    // Normalize option `delimiter`
    if (options.delimiter === undefined || options.delimiter === null) {
      options.delimiter = ",";
    } else if (isBuffer(options.delimiter)) {
      options.delimiter = options.delimiter.toString();
    } else if (typeof options.delimiter !== "string") {
      return [
        new CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
          "option `delimiter` must be a buffer or a string,",
          `got ${JSON.stringify(options.delimiter)}`,
        ]),
      ];
    }
    // Normalize option `quote`
    if (options.quote === undefined || options.quote === null) {
      options.quote = '"';
    } else if (options.quote === true) {
      options.quote = '"';
    } else if (options.quote === false) {
      options.quote = "";
    } else if (isBuffer(options.quote)) {
      options.quote = options.quote.toString();
    } else if (typeof options.quote !== "string") {
      return [
        new CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
          "option `quote` must be a boolean, a buffer or a string,",
          `got ${JSON.stringify(options.quote)}`,
        ]),
      ];
    }
    // Normalize option `quoted`
    if (options.quoted === undefined || options.quoted === null) {
      options.quoted = false;
    }
    // Normalize option `escape_formulas`
    if (
      options.escape_formulas === undefined ||
      options.escape_formulas === null
    ) {
      options.escape_formulas = false;
    } else if (typeof options.escape_formulas !== "boolean") {
      return [
        new CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
          "option `escape_formulas` must be a boolean,",
          `got ${JSON.stringify(options.escape_formulas)}`,
        ]),
      ];
    }
    // Normalize option `quoted_empty`
    if (options.quoted_empty === undefined || options.quoted_empty === null) {
      options.quoted_empty = undefined;
    }
    // Normalize option `quoted_match`
    if (
      options.quoted_match === undefined ||
      options.quoted_match === null ||
      options.quoted_match === false
    ) {
      options.quoted_match = null;
    } else if (!Array.isArray(options.quoted_match)) {
      options.quoted_match = [options.quoted_match];
    }
    if (options.quoted_match) {
      for (const quoted_match of options.quoted_match) {
        const isString = typeof quoted_match === "string";
        const isRegExp = quoted_match instanceof RegExp;
        if (!isString && !isRegExp) {
          return [
            new CsvError("CSV_OPTION_QUOTED_MATCH", [
              "option `quoted_match` must be a string or a regex,",
              `got ${JSON.stringify(options.quoted_match)}`,
            ]),
          ];
        }
      }
    }
    // Normalize option `quoted_string`
    if (options.quoted_string === undefined || options.quoted_string === null) {
      options.quoted_string = false;
    }
    // Normalize option `eof`
    if (options.eof === undefined || options.eof === null) {
      options.eof = true;
    }
    // Normalize option `escape`
    if (options.escape === undefined || options.escape === null) {
      options.escape = '"';
    } else if (isBuffer(options.escape)) {
      options.escape = options.escape.toString();
    } else if (typeof options.escape !== "string") {
      return [
        Error(
          `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`,
        ),
      ];
    }
    if (options.escape.length > 1) {
      return [
        Error(
          `Invalid Option: escape must be one character, got ${options.escape.length} characters`,
        ),
      ];
    }
    // Normalize option `header`
    if (
      options.header === undefined ||
      options.header === null ||
      options.header === false
    ) {
      options.header = false;
    } else if (options.header !== true) {
      throw new CsvError(
        "CSV_INVALID_OPTION_HEADER",
        [
          "option `header` is expected to be a boolean,",
          `got ${JSON.stringify(options.header)}`,
        ],
        options,
      );
    }
    // Normalize option `headers_as_comment`
    if (
      options.header_as_comment === undefined ||
      options.header_as_comment === null ||
      options.header_as_comment === false
    ) {
      options.header_as_comment = false;
    } else if (options.header_as_comment === true) {
      options.header_as_comment = "#";
    } else if (isBuffer(options.header_as_comment)) {
      options.header_as_comment = options.header_as_comment.toString();
    } else if (typeof options.header_as_comment !== "string") {
      throw new CsvError(
        "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
        [
          "option `header_as_comment` must be a boolean, a string or a buffer,",
          `got ${JSON.stringify(options.header_as_comment)}`,
        ],
        options,
      );
    }
    // if (options.header_as_comment && !options.comment?.length) {
    //   throw new CsvError(
    //     "CSV_INVALID_OPTION_COMMENT",
    //     [
    //       "option `comment` must be a non empty string or buffer when using `header_as_comment`,",
    //       `got ${JSON.stringify(options.comment)}`,
    //     ],
    //     options,
    //   );
    // }
    // Header is always enabled with `header_as_comment`
    // if (options.header_as_comment === true) {
    //   options.header = true;
    // }
    // Normalize option `columns`
    const [errColumns, columns] = normalize_columns(options.columns);
    if (errColumns !== undefined) return [errColumns];
    options.columns = columns;
    // Normalize option `quoted`
    if (options.quoted === undefined || options.quoted === null) {
      options.quoted = false;
    }
    // Normalize option `cast`
    if (options.cast === undefined || options.cast === null) {
      options.cast = {};
    }
    // Normalize option cast.bigint
    if (options.cast.bigint === undefined || options.cast.bigint === null) {
      // Cast boolean to string by default
      options.cast.bigint = (value) => "" + value;
    }
    // Normalize option cast.boolean
    if (options.cast.boolean === undefined || options.cast.boolean === null) {
      // Cast boolean to string by default
      options.cast.boolean = (value) => (value ? "1" : "");
    }
    // Normalize option cast.date
    if (options.cast.date === undefined || options.cast.date === null) {
      // Cast date to timestamp string by default
      options.cast.date = (value) => "" + value.getTime();
    }
    // Normalize option cast.number
    if (options.cast.number === undefined || options.cast.number === null) {
      // Cast number to string using native casting by default
      options.cast.number = (value) => "" + value;
    }
    // Normalize option cast.object
    if (options.cast.object === undefined || options.cast.object === null) {
      // Stringify object as JSON by default
      options.cast.object = (value) => JSON.stringify(value);
    }
    // Normalize option cast.string
    if (options.cast.string === undefined || options.cast.string === null) {
      // Leave string untouched
      options.cast.string = function (value) {
        return value;
      };
    }
    // Normalize option `on_record`
    if (
      options.on_record !== undefined &&
      typeof options.on_record !== "function"
    ) {
      return [Error(`Invalid Option: "on_record" must be a function.`)];
    }
    // Normalize option `quote_record_delimiter`
    if (
      options.quote_record_delimiter === undefined ||
      options.quote_record_delimiter === null
    ) {
      options.quote_record_delimiter = !options.record_delimiter;
    } else if (typeof options.quote_record_delimiter !== "boolean") {
      return [
        new CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
          "option `quote_record_delimiter` must be a boolean,",
          `got ${JSON.stringify(options.quote_record_delimiter)}`,
        ]),
      ];
    }
    // Normalize option `record_delimiter`
    if (
      options.record_delimiter === undefined ||
      options.record_delimiter === null
    ) {
      options.record_delimiter = "\n";
    } else if (isBuffer(options.record_delimiter)) {
      options.record_delimiter = options.record_delimiter.toString();
    } else if (typeof options.record_delimiter !== "string") {
      return [
        Error(
          `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`,
        ),
      ];
    }
    switch (options.record_delimiter) {
      case "unix":
        options.record_delimiter = "\n";
        break;
      case "mac":
        options.record_delimiter = "\r";
        break;
      case "windows":
        options.record_delimiter = "\r\n";
        break;
      case "ascii":
        options.record_delimiter = "\u001e";
        break;
      case "unicode":
        options.record_delimiter = "\u2028";
        break;
    }
    return [undefined, options];
  };

  const bom_utf8 = Buffer.from([239, 187, 191]);
  // True when appending `separator` after `value` would let `parse` find
  // `separator` starting inside `value`. Besides the field containing the whole
  // separator, this also covers boundary fusion: a field whose tail is a
  // non-empty prefix of a multi-character separator merges with the appended
  // separator (eg value "a:" + delimiter "::" => "a:::", matched at offset 1).
  // Such fields must be quoted to round-trip, like RFC 4180 fields containing the
  // delimiter, generalized to multi-character delimiters and record delimiters.
  const emits_separator = function (value, separators) {
    return separators.some(
      (separator) =>
        separator.length !== 0 &&
        (value.indexOf(separator) !== -1 ||
          (separator.length > 1 &&
            (value + separator).indexOf(separator) < value.length)),
    );
  };
  // True when `value` matches one of the `quoted_match` patterns. The regexps
  // come from the user and the same objects are reused for every field, so the
  // test must not depend on their state: `RegExp.prototype.test` advances
  // `lastIndex` on a global or sticky regexp, which would make a match in one
  // field move where the next field starts matching. `String.prototype.search`
  // searches from the start and restores `lastIndex`, and is equivalent to
  // `test` for the stateless regexps.
  const matches_quoted_match = function (value, quoted_match) {
    if (!quoted_match) return false;
    return quoted_match.some((pattern) =>
      typeof pattern === "string"
        ? value.indexOf(pattern) !== -1
        : value.search(pattern) !== -1,
    );
  };

  const stringifier = function (options, state, info) {
    return {
      options: options,
      state: state,
      info: info,
      __transform: function (chunk, push) {
        // Chunk validation
        if (!Array.isArray(chunk) && typeof chunk !== "object") {
          return Error(
            `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`,
          );
        }
        // Detect columns from the first record
        if (this.info.records === 0) {
          if (Array.isArray(chunk)) {
            if (
              this.options.header === true &&
              this.options.columns === undefined
            ) {
              return Error(
                "Undiscoverable Columns: header option requires column option or object records",
              );
            }
          } else if (this.options.columns === undefined) {
            const [err, columns] = normalize_columns(Object.keys(chunk));
            if (err) return;
            this.options.columns = columns;
          }
        }
        // Emit the header
        if (this.info.records === 0) {
          this.bom(push);
          const err = this.headers(push);
          if (err) return err;
        }
        // Emit and stringify the record if an object or an array
        try {
          // this.emit('record', chunk, this.info.records);
          if (this.options.on_record) {
            this.options.on_record(chunk, this.info.records);
          }
        } catch (err) {
          return err;
        }
        // Convert the record into a string
        let err, chunk_string;
        if (this.options.eof) {
          [err, chunk_string] = this.stringify(chunk);
          if (err) return err;
          if (chunk_string === undefined) {
            return;
          } else {
            chunk_string = chunk_string + this.options.record_delimiter;
          }
        } else {
          [err, chunk_string] = this.stringify(chunk);
          if (err) return err;
          if (chunk_string === undefined) {
            return;
          } else {
            if (this.options.header || this.info.records) {
              chunk_string = this.options.record_delimiter + chunk_string;
            }
          }
        }
        // Emit the csv
        this.info.records++;
        push(chunk_string);
      },
      stringify: function (chunk, chunkIsHeader = false) {
        if (typeof chunk !== "object") {
          return [undefined, chunk];
        }
        const { columns } = this.options;
        const record = [];
        // Record is an array
        if (Array.isArray(chunk)) {
          // We are getting an array but the user has specified output columns. In
          // this case, we respect the columns indexes
          const length = columns
            ? Math.min(chunk.length, columns.length)
            : chunk.length;
          // Cast record elements
          for (let i = 0; i < length; i++) {
            const field = chunk[i];
            const [err, value] = this.__cast(field, {
              index: i,
              column: i,
              records: this.info.records,
              header: chunkIsHeader,
            });
            if (err) return [err];
            record[i] = [value, field];
          }
          // Record is a literal object
          // `columns` is always defined: it is either provided or discovered.
        } else {
          for (let i = 0; i < columns.length; i++) {
            const field = get(chunk, columns[i].key);
            const [err, value] = this.__cast(field, {
              index: i,
              column: columns[i].key,
              records: this.info.records,
              header: chunkIsHeader,
            });
            if (err) return [err];
            record[i] = [value, field];
          }
        }
        let csvrecord = "";
        for (let i = 0; i < record.length; i++) {
          let options, err;

          let [value, field] = record[i];
          if (typeof value === "string") {
            options = this.options;
          } else if (is_object(value)) {
            // Value is considerered as a mix of a value and options
            options = { ...value };
            value = options.value;
            delete options.value;
            if (
              typeof value !== "string" &&
              value !== undefined &&
              value !== null
            ) {
              if (err)
                return [
                  Error(
                    `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`,
                  ),
                ];
            }
            // Merge global options with the ones returned by cast
            options = { ...this.options, ...options };
            [err, options] = normalize_options(options);
            if (err !== undefined) {
              return [err];
            }
          } else if (value === undefined || value === null) {
            options = this.options;
          } else {
            return [
              Error(
                `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`,
              ),
            ];
          }
          const {
            delimiter,
            escape,
            quote,
            quoted,
            quoted_empty,
            quoted_string,
            quoted_match,
            record_delimiter,
            quote_record_delimiter,
            escape_formulas,
          } = options;
          if ("" === value && "" === field) {
            const quotedMatch = matches_quoted_match(value, quoted_match);
            const shouldQuote =
              quotedMatch ||
              true === quoted_empty ||
              (true === quoted_string && false !== quoted_empty);
            if (shouldQuote === true) {
              value = quote + value + quote;
            }
            csvrecord += value;
          } else if (value) {
            if (typeof value !== "string") {
              return [
                Error(
                  `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`,
                ),
              ];
            }
            const containsdelimiter = emits_separator(value, [delimiter]);
            const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
            const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
            // Testing `\n` and `\r` covers the three sequences `parse` discovers
            const containsRecordDelimiter = emits_separator(value, [
              record_delimiter,
              ...(quote_record_delimiter === false ? [] : ["\n", "\r"]),
            ]);
            const quotedString = quoted_string && typeof field === "string";
            const quotedMatch = matches_quoted_match(value, quoted_match);
            // See https://github.com/adaltas/node-csv/pull/387
            // More about CSV injection or formula injection, when websites embed
            // untrusted input inside CSV files:
            // https://owasp.org/www-community/attacks/CSV_Injection
            // http://georgemauer.net/2017/10/07/csv-injection.html
            // Apple Numbers unicode normalization is empirical from testing
            if (escape_formulas) {
              switch (value[0]) {
                case "-":
                  if (typeof field === "number" || typeof field === "bigint") {
                    break;
                  }
                  value = `'${value}`;
                  break;
                case "=":
                case "+":
                case "@":
                case "\t":
                case "\r":
                case "\uFF1D": // Unicode '='
                case "\uFF0B": // Unicode '+'
                case "\uFF0D": // Unicode '-'
                case "\uFF20": // Unicode '@'
                  value = `'${value}`;
                  break;
              }
            }
            const shouldQuote =
              containsQuote === true ||
              containsdelimiter ||
              containsRecordDelimiter ||
              quoted ||
              quotedString ||
              quotedMatch;
            if (shouldQuote === true && containsEscape === true) {
              value = value.replaceAll(escape, () => escape + escape);
            }
            if (containsQuote === true) {
              value = value.replaceAll(quote, () => escape + quote);
            }
            if (shouldQuote === true) {
              value = quote + value + quote;
            }
            csvrecord += value;
          } else if (
            quoted_empty === true ||
            (field === "" && quoted_string === true && quoted_empty !== false)
          ) {
            csvrecord += quote + quote;
          }
          if (i !== record.length - 1) {
            csvrecord += delimiter;
          }
        }
        return [undefined, csvrecord];
      },
      bom: function (push) {
        if (this.options.bom !== true) {
          return;
        }
        push(bom_utf8);
      },
      headers: function (push) {
        if (this.options.header === false) {
          return;
        }
        if (this.options.columns === undefined) {
          return;
        }
        let err;
        let headers = this.options.columns.map((column) => column.header);
        if (this.options.eof) {
          [err, headers] = this.stringify(headers, true);
          headers += this.options.record_delimiter;
        } else {
          [err, headers] = this.stringify(headers, true);
        }
        if (err) return err;
        if (this.options.header_as_comment) {
          headers = this.options.header_as_comment + " " + headers;
        }
        push(headers);
      },
      __cast: function (value, context) {
        const type = typeof value;
        try {
          if (type === "string") {
            // Fine for 99% of the cases
            return [undefined, this.options.cast.string(value, context)];
          } else if (type === "bigint") {
            return [undefined, this.options.cast.bigint(value, context)];
          } else if (type === "number") {
            return [undefined, this.options.cast.number(value, context)];
          } else if (type === "boolean") {
            return [undefined, this.options.cast.boolean(value, context)];
          } else if (value instanceof Date) {
            return [undefined, this.options.cast.date(value, context)];
          } else if (type === "object" && value !== null) {
            return [undefined, this.options.cast.object(value, context)];
          } else if (value === null && this.options.cast.null !== undefined) {
            return [undefined, this.options.cast.null(value, context)];
          } else if (
            value === undefined &&
            this.options.cast.undefined !== undefined
          ) {
            return [undefined, this.options.cast.undefined(value, context)];
          } else {
            return [undefined, value];
          }
        } catch (err) {
          return [err];
        }
      },
    };
  };

  /*
  CSV Stringify

  Please look at the [Sync API](https://csv.js.org/stringify/api/sync/) for
  additional information.
  */


  const stringify = function (records, opts = {}) {
    const data = [];
    const [err, options] = normalize_options(opts);
    if (err !== undefined) throw err;
    const state = {
      stop: false,
    };
    // Information
    const info = {
      records: 0,
    };
    const api = stringifier(options, state, info);
    for (const record of records) {
      const err = api.__transform(record, function (record) {
        data.push(record);
      });
      if (err !== undefined) throw err;
    }
    if (data.length === 0) {
      api.bom((d) => {
        data.push(d);
      });
      const err = api.headers((headers) => {
        data.push(headers);
      });
      if (err !== undefined) throw err;
    }
    return data.join("");
  };

  /**
   * CSV reading and writing for the HotWax file contracts (shared/spec/hotwax-contracts.md, section 2).
   *
   * Writing uses csv-stringify, reading uses csv-parse, both through their `browser/esm/sync` builds:
   * the Node builds touch `Buffer` when they load, the browser builds carry their own shim and run in
   * NetSuite's GraalJS, which has no Buffer, process, require or timers (the tests load the bundled
   * library in a bare `node:vm` context to prove it).
   *
   * Parser choice: csv-parse rather than papaparse.
   * - Correctness: csv-parse hands back, per record, the raw text it consumed (`raw`) and, with
   *   `relax_column_count`, the column-count error of that record (`info.error`), and it can skip a
   *   broken record and go on (`skip_records_with_error` + `on_skip`). That is what per-record problems
   *   with exact physical line numbers need. It passes every csv-spectrum case (see the tests).
   *   papaparse reports errors by row index, not physical line, and guesses delimiters and line ends.
   * - Size: csv-stringify is needed for writing anyway and comes from the same project with the same
   *   conventions; csv-parse adds about 145 kB to the library file (it inlines its own Buffer shim),
   *   far below any File Cabinet limit and loaded once per script. papaparse is not a dependency of this
   *   project (and nothing may be installed here), so it was not measured.
   * - Speed in a bare context: measured by the tests on the bundled file in a bare vm: a 5,000 row,
   *   1 MB feed reads in 0.6 to 2 s depending on machine load (csv-parse's own pace, the `raw` option
   *   costs nothing measurable); HotWax puts 500 rows (about 100 kB) in a feed file.
   *
   * Line ends: files are written with CRLF, like HotWax's own writer (Apache Commons CSV
   * `CSVFormat.DEFAULT`) and RFC 4180; every reader involved (Commons CSV, csv-parse, NetSuite) accepts
   * CRLF, LF and CR. Reading accepts all three, even mixed in one file.
   *
   * Formula injection (OWASP "CSV Injection"): files read by people (error/, required_fields_missing/,
   * dry_run/, check-feed's output) are written with `toReportCsv`, which puts a `'` before any cell that
   * starts with `=`, `+`, `-`, `@`, a tab or a CR, so a spreadsheet shows it as text instead of running it.
   * Files HotWax's jobs parse (customer/import/, historicalshopifycustomer/csv/) keep exact values
   * (`toCsv`): a changed value would be a changed Shopify ID or name.
   */
  /** Line end written between records (and after the last one). */
  const CSV_EOL = '\r\n';
  /** 2b: NETSUITE_CUSTOMER_ID identifications sent back to HotWax (`customer/import/`). */
  const PARTY_IDENTIFICATION_HEADER = ['partyId', 'partyIdentificationTypeId', 'idValue'];
  /** 2c: historical customers for HotWax's party import (`historicalshopifycustomer/csv/`). */
  const HISTORICAL_CUSTOMER_HEADER = [
      'first-name',
      'last-name',
      'external-id',
      'party-identifications',
  ];
  /** 2d: per-row error report written next to a failed or partly failed feed (read by people). */
  const ERROR_REPORT_HEADER = [
      'fileName',
      'lineNumber',
      'HCCustomerId',
      'errorCode',
      'errorMessage',
  ];
  /**
   * The customer feed (2a): THE header alias table. HotWax builds the header from a map's keys, so order
   * is not fixed. Header names are compared ignoring case, spaces, underscores and dashes
   * (`normalizeHeaderName`), so "First Name", "first_name" and "FIRST-NAME" are one name; the aliases
   * list every other spelling HotWax is known to have sent (hotwax-contracts.md 2a: the pre-2025 Title
   * Case headers; "Subsdiary" is HotWax's own misspelling, seen in merchants' feeds). docs/ARCHITECTURE.md
   * "Feed headers" documents the same table.
   *
   * The key column: `HCCustomerId`. A legacy Title Case feed has none and carries HotWax's customer id
   * in its "External Id" column (written with a space): see `readCustomerFeed`.
   */
  const CUSTOMER_FEED_COLUMNS = [
      { name: 'HCCustomerId', aliases: ['HC Customer Id', 'HC Customer ID'], required: true },
      { name: 'firstName', aliases: ['First Name'] },
      { name: 'lastName', aliases: ['Last Name'] },
      { name: 'email', aliases: ['Email'] },
      { name: 'phone', aliases: ['Phone'] },
      { name: 'HCShopifyCustomerId', aliases: ['HC Shopify Customer Id', 'HC Shopify Customer ID'] },
      { name: 'externalId', aliases: ['External Id', 'External ID'] },
      { name: 'individual', aliases: ['Individual'] },
      { name: 'status', aliases: ['Status'] },
      { name: 'subsidiary', aliases: ['Subsidiary', 'Subsdiary'] },
      { name: 'taxable', aliases: ['Taxable'] },
      { name: 'defaultOrderPriority', aliases: ['Default Order Priority'] },
      { name: 'accountSource', aliases: ['Account Origin'] },
      { name: 'companyName', aliases: ['Company Name'] },
  ];
  // ---------------------------------------------------------------------------------------------
  // Writing
  /** Options shared by `toCsv` and `csvLine`: they must quote identically. */
  const STRINGIFY_OPTIONS = {
      delimiter: ',',
      quote: '"',
      escape: '"',
      record_delimiter: CSV_EOL,
      // Quote a value holding a lone CR or LF too: with an explicit `record_delimiter`, csv-stringify
      // otherwise quotes only values holding that exact sequence, and "a\nb" would end the record.
      quote_record_delimiter: true,
      bom: false,
      // csv-stringify's default writes booleans as '1' / ''; write what the value says.
      cast: { boolean: (value) => (value ? 'true' : 'false') },
  };
  const toCells = (header, row) => Array.isArray(row) ? row : header.map((name) => row[name]);
  /**
   * Whole CSV text: header row, then one record per row, RFC 4180 quoting (a field is quoted only when
   * it holds a comma, a quote, CR or LF; quotes inside are doubled), CRLF line ends, no BOM.
   * Rows are arrays in header order, or objects read by the header's names (absent keys are empty).
   */
  function toCsv(header, rows, opts = {}) {
      const records = opts.includeHeader === false ? [] : [header];
      for (const row of rows)
          records.push(toCells(header, row));
      if (records.length === 0)
          return '';
      return stringify(records, { ...STRINGIFY_OPTIONS, eof: opts.trailingLineEnd !== false });
  }
  /**
   * One record without a line end, quoted exactly as `toCsv` quotes it: for N/file `appendLine`, which
   * adds the line end itself. A value may still hold line breaks; they are inside quotes.
   */
  function csvLine(values) {
      return stringify([values], { ...STRINGIFY_OPTIONS, eof: false });
  }
  /** A cell a spreadsheet would run as a formula gets a leading `'` (OWASP CSV-injection guidance). */
  function neutralizeCell(value) {
      if (typeof value !== 'string' || value === '')
          return value;
      const c = value.charCodeAt(0);
      // = + - @ TAB CR
      return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
  }
  /** `toCsv` for files people open (reports): every cell, header included, through `neutralizeCell`. */
  function toReportCsv(header, rows, opts = {}) {
      return toCsv(header.map((h) => String(neutralizeCell(h))), rows.map((r) => r.map(neutralizeCell)), opts);
  }
  const isBreak = (c) => c === '\r' || c === '\n';
  /** Line breaks in a text, CRLF counting once. */
  function countBreaks(text) {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))
              n++;
      }
      return n;
  }
  /**
   * Index of a quote that closes a quoted field but is followed by something other than a comma or
   * the end of the record (`"abc"d`), or -1. csv-parse (with `relax_quotes`) keeps such a field as raw
   * text; RFC 4180 and Commons CSV reject it, and so does this reader. A quote inside an unquoted field
   * (`37°36'37.8"N`) is an ordinary character, as in Commons CSV and csv-spectrum.
   */
  function findStrayQuote(record) {
      let i = 0;
      while (i <= record.length) {
          if (record[i] === '"') {
              i++;
              for (;;) {
                  const q = record.indexOf('"', i);
                  if (q < 0)
                      return -1; // cannot happen for a record csv-parse closed; nothing to report
                  if (record[q + 1] === '"') {
                      i = q + 2;
                      continue;
                  }
                  if (q + 1 < record.length && record[q + 1] !== ',')
                      return q;
                  i = q + 1;
                  break;
              }
          }
          else {
              const comma = record.indexOf(',', i);
              if (comma < 0)
                  return -1;
              i = comma;
          }
          if (i >= record.length)
              return -1;
          i++; // past the comma: start of the next field
      }
      return -1;
  }
  /** Offsets where each physical line starts (CRLF, LF and CR all end a line). */
  function lineStartsOf(text) {
      const starts = text.length > 0 ? [0] : [];
      for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 13 && text.charCodeAt(i + 1) === 10)
              i++;
          if ((c === 10 || c === 13) && i + 1 < text.length)
              starts.push(i + 1);
      }
      return starts;
  }
  /**
   * One csv-parse pass over `input`, whose first character is on physical line `firstLine`.
   * Line numbers are computed from the raw text csv-parse consumed for each record (its own `lines`
   * counter counts a CRLF inside quotes twice): each record's raw text starts right after the previous
   * record's line end, with one character per skipped blank line, and ends with the first character of
   * its own line end.
   */
  function parsePass(input, firstLine) {
      const items = [];
      let line = firstLine; // physical line where the next raw text starts
      /** Start and end line of a record from its raw text, and moves `line` past the record. */
      const place = (raw, ended) => {
          let lead = 0;
          while (lead < raw.length && isBreak(raw[lead]))
              lead++;
          const body = raw.slice(lead, ended ? raw.length - 1 : raw.length);
          const start = line + lead;
          const endLine = start + countBreaks(body);
          line = endLine + (ended ? 1 : 0);
          return { start, endLine, body };
      };
      parse(input, {
          bom: false,
          delimiter: ',',
          quote: '"',
          escape: '"',
          record_delimiter: ['\r\n', '\n', '\r'],
          skip_empty_lines: true,
          relax_quotes: true,
          relax_column_count: true,
          skip_records_with_error: true,
          raw: true,
          // With `raw: true` csv-parse passes `{ record, raw }`, which its typings do not model.
          on_record: (withRaw) => {
              const { record, raw } = withRaw;
              const ended = raw.length > 0 && isBreak(raw[raw.length - 1]);
              const { start, endLine, body } = place(raw, ended);
              const stray = body.indexOf('"') < 0 ? -1 : findStrayQuote(body);
              if (stray >= 0) {
                  const at = start + countBreaks(body.slice(0, stray));
                  items.push({
                      kind: 'problem',
                      lineNumber: start,
                      endLine,
                      code: 'STRAY_QUOTE',
                      message: `text after a closing quote on line ${at}: ${JSON.stringify(body.slice(Math.max(0, stray - 20), stray + 20))}`,
                  });
              }
              else {
                  items.push({ kind: 'record', lineNumber: start, endLine, fields: record });
              }
              return null; // collected here, csv-parse keeps nothing
          },
          on_skip: (err, raw) => {
              var _a;
              // With the relax options above, the only error left is a quote still open at the end of the file.
              const { start, endLine } = place(raw !== null && raw !== void 0 ? raw : '', false);
              const unclosed = (err === null || err === void 0 ? void 0 : err.code) === 'CSV_QUOTE_NOT_CLOSED';
              items.push({
                  kind: 'problem',
                  lineNumber: start,
                  endLine,
                  code: unclosed ? 'UNCLOSED_QUOTE' : 'PARSE_ERROR',
                  message: unclosed
                      ? `a quoted field opened on line ${start} is never closed`
                      : ((_a = err === null || err === void 0 ? void 0 : err.message) !== null && _a !== void 0 ? _a : 'unreadable record'),
              });
              return undefined;
          },
      });
      return items;
  }
  /** After this many malformed multi-line records, the rest of a file is read one physical line per record. */
  const MAX_RESYNCS = 20;
  /**
   * Splits CSV text into records, each with the physical line it starts on. Accepts a UTF-8 BOM,
   * CRLF / LF / CR (mixed too), quoted commas, doubled quotes and line breaks inside quotes; skips blank
   * lines. Column counts of single-line records are not checked here (see `readCsv`).
   *
   * No line ever vanishes into a malformed record: a record that is malformed (a quote never closed,
   * text after a closing quote) or, when `width` is known (default: the first record's), a record that
   * spans several lines with the wrong number of fields (a stray opening quote that swallowed the
   * following lines until some other quote) is reported on the line it starts on, and reading starts
   * again on the next physical line. Past MAX_RESYNCS such records, the rest of the file is read one
   * physical line at a time (a hostile file costs linear time, not quadratic).
   */
  function parseCsvRecords(text, fileName = '', width) {
      const records = [];
      const problems = [];
      const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const starts = lineStartsOf(input);
      let columns = width;
      let resyncs = 0;
      let from = 1; // physical line the next pass starts on
      const take = (items) => {
          for (const it of items) {
              const multiLine = it.endLine > it.lineNumber;
              if (it.kind === 'problem') {
                  const resync = multiLine || it.code === 'UNCLOSED_QUOTE';
                  problems.push({
                      fileName,
                      lineNumber: it.lineNumber,
                      code: it.code,
                      message: resync
                          ? `${it.message}; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber + 1}`
                          : it.message,
                  });
                  if (resync)
                      return it.lineNumber + 1;
                  continue;
              }
              if (columns === undefined)
                  columns = it.fields.length;
              else if (multiLine && it.fields.length !== columns) {
                  problems.push({
                      fileName,
                      lineNumber: it.lineNumber,
                      code: 'UNBALANCED_QUOTE',
                      message: `a quote on line ${it.lineNumber} runs to line ${it.endLine} and leaves ${it.fields.length} fields where the header has ${columns} columns; line ${it.lineNumber} is reported alone and reading goes on at line ${it.lineNumber + 1}`,
                  });
                  return it.lineNumber + 1;
              }
              records.push({ lineNumber: it.lineNumber, endLine: it.endLine, fields: it.fields });
          }
          return null;
      };
      while (from <= starts.length) {
          if (resyncs >= MAX_RESYNCS) {
              for (let l = from; l <= starts.length; l++) {
                  const end = l < starts.length ? starts[l] : input.length;
                  take(parsePass(input.slice(starts[l - 1], end), l).filter((it) => it.lineNumber === l));
              }
              break;
          }
          const next = take(parsePass(input.slice(starts[from - 1]), from));
          if (next === null)
              break;
          from = next;
          resyncs++;
      }
      return { records, problems };
  }
  /** Physical lines of a text (a final line end opens no new line). */
  function physicalLineCount(text) {
      return lineStartsOf(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).length;
  }
  /** Plain assignment, except that a column named `__proto__` stays an ordinary key. */
  function setOwn(target, key, value) {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  /** Header name compared loosely: case, spaces, underscores and dashes ignored. */
  const normalizeHeaderName = (name) => name.toLowerCase().replace(/[\s_-]+/g, '');
  /**
   * Reads a CSV file whose first record is a header, matching columns by name (any order, loose
   * comparison, aliases). Rows with the wrong number of fields, and malformed records, are reported
   * in `problems` and left out of `rows`; records whose fields are all empty (`,,,`) are skipped.
   */
  function readCsv(text, opts) {
      var _a, _b;
      const fileName = (_a = opts.fileName) !== null && _a !== void 0 ? _a : '';
      const { records, problems } = parseCsvRecords(text, fileName);
      const byName = new Map();
      for (const spec of opts.columns) {
          for (const name of [spec.name, ...((_b = spec.aliases) !== null && _b !== void 0 ? _b : [])])
              byName.set(normalizeHeaderName(name), spec.name);
      }
      const first = records[0];
      const headerProblem = problems.length > 0 && (!first || problems[0].lineNumber < first.lineNumber);
      if (!first || headerProblem) {
          if (!first && problems.length === 0) {
              problems.push({ fileName, lineNumber: 1, code: 'EMPTY_FILE', message: 'the file has no header row' });
          }
          return {
              header: [],
              headerLine: 0,
              matched: {},
              rows: [],
              problems,
              missingColumns: opts.columns.filter((c) => c.required).map((c) => c.name),
          };
      }
      const header = first.fields;
      const matched = {};
      const target = header.map((name, i) => {
          const canonical = byName.get(normalizeHeaderName(name));
          if (canonical === undefined)
              return undefined;
          if (matched[canonical] !== undefined) {
              problems.push({
                  fileName,
                  lineNumber: first.lineNumber,
                  code: 'DUPLICATE_COLUMN',
                  message: `column ${i + 1} "${name}" is another "${canonical}" column (first: "${matched[canonical]}"); kept as an extra column`,
              });
              return undefined;
          }
          matched[canonical] = name;
          return canonical;
      });
      const missingColumns = opts.columns
          .filter((c) => c.required && matched[c.name] === undefined)
          .map((c) => c.name);
      const rows = [];
      for (let r = 1; r < records.length; r++) {
          const { lineNumber, endLine, fields } = records[r];
          if (fields.length !== header.length) {
              problems.push({
                  fileName,
                  lineNumber,
                  code: 'WRONG_COLUMN_COUNT',
                  message: `${fields.length} fields where the header has ${header.length} columns`,
              });
              continue;
          }
          if (fields.every((f) => f === ''))
              continue;
          const values = {};
          for (const spec of opts.columns)
              values[spec.name] = '';
          const extra = {};
          const original = {};
          for (let i = 0; i < fields.length; i++) {
              const canonical = target[i];
              if (canonical !== undefined)
                  values[canonical] = fields[i];
              else
                  setOwn(extra, header[i], fields[i]);
              if (!Object.prototype.hasOwnProperty.call(original, header[i]))
                  setOwn(original, header[i], fields[i]);
          }
          rows.push({ lineNumber, endLine, values, extra, original, fields });
      }
      problems.sort((a, b) => a.lineNumber - b.lineNumber);
      return { header, headerLine: first.lineNumber, matched, rows, problems, missingColumns };
  }
  /**
   * A customer feed through the alias table. A legacy Title Case feed (no HCCustomerId column, an
   * "External Id" column written with a space) has HotWax's customer id in "External Id" (HotWax's old
   * CSV import map put it in NetSuite's external id): its rows read it as HCCustomerId, and keep it as
   * externalId, as the old import did. A 2025+ `externalId` (no space) is the Shopify customer id and is
   * never taken for the key.
   */
  function readCustomerFeed(text, fileName = '') {
      const feed = readCsv(text, { columns: CUSTOMER_FEED_COLUMNS, fileName });
      const ext = feed.matched.externalId;
      const legacy = feed.matched.HCCustomerId === undefined && ext !== undefined && /\s/.test(ext);
      if (!legacy)
          return { ...feed, legacyKeyColumn: null };
      for (const row of feed.rows)
          row.values.HCCustomerId = row.values.externalId;
      return {
          ...feed,
          missingColumns: feed.missingColumns.filter((c) => c !== 'HCCustomerId'),
          legacyKeyColumn: ext,
      };
  }

  /**
   * Errors the sync raises on purpose. They are plain Errors with a NetSuite-style `name` so the
   * execution log shows a code an administrator can search for; the entry points turn them into
   * N/error SuiteScriptErrors when they must end the execution in error.
   */
  class SyncError extends Error {
      constructor(code, message) {
          super(message);
          this.code = code;
          this.name = code;
      }
  }
  /** A readable one-liner for any thrown value (SuiteScriptError, Error, string). */
  function describeError(e) {
      if (e && typeof e === 'object') {
          const o = e;
          const code = typeof o.name === 'string' && o.name ? o.name : 'UNEXPECTED_ERROR';
          const message = typeof o.message === 'string' ? o.message : String(e);
          return { code, message };
      }
      return { code: 'UNEXPECTED_ERROR', message: String(e) };
  }

  /**
   * Governance planning. NetSuite stops a script at the call that crosses its usage limit, so
   * every unit of work is started only when there are enough units left to finish it AND to save
   * a checkpoint and reschedule afterwards (ExploreConsulting's governance helper pattern).
   */
  /** Units per call (NetSuite "SuiteScript 2.x API Governance"; see shared/spec/netsuite-facts.md). */
  const UNITS = {
      searchPage: 10, // ResultSet.getRange / each
      searchLoad: 5,
      runPaged: 5,
      pageFetch: 5,
      lookupFields: 1,
      customerCreate: 5,
      customerSave: 10,
      customerSubmitFields: 5,
      folderCreate: 5,
      folderSave: 10,
      folderSubmitFields: 5,
      customRecordCreate: 2,
      customRecordSave: 4,
      customRecordSubmitFields: 2,
      fileLoad: 10,
      fileSave: 20,
      sftpTransfer: 100, // upload, download
      sftpOther: 10, // list, move, removeFile, makeDirectory
      taskSubmit: 20,
  };
  /**
   * The run history entry every execution writes at its end (lib/runHistory.ts): record.create 2 +
   * save 4, one search page for expired entries 10, record.delete 4 for each of at most 2.
   */
  const RUN_HISTORY_UNITS = UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.searchPage + 2 * UNITS.customRecordSave;
  /**
   * What it costs to stop cleanly: save the checkpoint, queue the next execution and write the
   * execution's run history entry (lib/runHistory.ts).
   */
  const STOP_RESERVE = UNITS.customRecordCreate + UNITS.customRecordSave + UNITS.taskSubmit + RUN_HISTORY_UNITS;
  class GovernanceBudget {
      constructor(meter, 
      /** Units always kept back for stopping cleanly. */
      reserve = STOP_RESERVE) {
          this.meter = meter;
          this.reserve = reserve;
          this.startedWith = meter.remaining();
      }
      /** True when `units` of work can be done and the reserve still be left afterwards. */
      canAfford(units) {
          return this.meter.remaining() - units >= this.reserve;
      }
      /** How many items of `unitsEach` fit after `fixed` units, keeping the reserve. */
      howMany(unitsEach, fixed = 0) {
          const spare = this.meter.remaining() - this.reserve - fixed;
          return spare <= 0 ? 0 : Math.floor(spare / unitsEach);
      }
      used() {
          return this.startedWith - this.meter.remaining();
      }
  }

  /**
   * SFTP settings: the HC SFTP Configuration custom record (customrecord_ns_sftp_configuration, written
   * by HotWax's setup RESTlet), optionally chosen and overridden by script parameters.
   * Every problem names the record, field or parameter and says how to fix it. Secrets never leave
   * this module in a message: only the id of the API secret / key is carried, never a value.
   */
  const SFTP_RECORD = {
      type: 'customrecord_ns_sftp_configuration',
      label: 'HC SFTP Configuration',
      fields: {
          host: 'custrecord_ns_sftp_server',
          username: 'custrecord_ns_sftp_userid',
          port: 'custrecord_ns_sftp_port_no',
          hostKey: 'custrecord_ns_sftp_host_key',
          credential: 'custrecord_ns_sftp_guid',
          defaultDirectory: 'custrecord_ns_sftp_default_file_dir',
      },
  };
  const FIX = {
      host: 'enter the SFTP host name HotWax gave you',
      username: 'enter the SFTP user name',
      port: 'enter the port as a whole number from 1 to 65535 (usually 22)',
      hostKey: "paste the server's public host key: the base64 part of `ssh-keyscan -t ecdsa <host>` (optionally with its type prefix)",
      credential: 'enter the script id of the API secret holding the password (Setup > Company > API Secrets, custsecret_…) or of the SSH key (custkey_…)',
      defaultDirectory: 'enter the absolute base directory, e.g. /home/<sftp-user>/netsuite/',
  };
  function problem(recordId, field, what) {
      return new SyncError('HC_SFTP_CONFIG_INVALID', `${SFTP_RECORD.label} (${SFTP_RECORD.type}) record ${recordId}: field ${SFTP_RECORD.fields[field]} ${what}; ${FIX[field]}.`);
  }
  /** Known key blob prefixes: the base64 of the length-prefixed key type name. */
  const KEY_TYPES = [
      ['AAAAB3NzaC1yc2', 'rsa'],
      ['AAAAE2VjZHNh', 'ecdsa'],
      ['AAAAB3NzaC1kc3', 'dsa'],
  ];
  /** Accepts `AAAA…`, `ecdsa-sha2-nistp256 AAAA…` or a known_hosts line `host ecdsa-sha2-… AAAA…`. */
  function parseHostKey(raw) {
      var _a;
      const parts = raw.trim().split(/\s+/);
      const body = parts.find((p) => /^AAAA[A-Za-z0-9+/]+=*$/.test(p));
      if (!body)
          return null;
      const type = (_a = KEY_TYPES.find(([prefix]) => body.startsWith(prefix))) === null || _a === void 0 ? void 0 : _a[1];
      return { body, type };
  }
  function normaliseDirectory(dir) {
      const d = dir.trim().replace(/\\/g, '/');
      return d.endsWith('/') ? d : `${d}/`;
  }
  function sftpSettingsFrom(values, overrides = {}) {
      var _a, _b, _c;
      const id = values.id;
      const host = values.host.trim();
      if (!host)
          throw problem(id, 'host', 'is empty');
      const username = values.username.trim();
      if (!username)
          throw problem(id, 'username', 'is empty');
      const portText = values.port.trim() || '22';
      const port = Number(portText);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
          throw problem(id, 'port', `is "${portText}", not a port number`);
      if (!values.hostKey.trim())
          throw problem(id, 'hostKey', 'is empty (the host key is mandatory)');
      const key = parseHostKey(values.hostKey);
      if (!key)
          throw problem(id, 'hostKey', 'does not hold a public key');
      const cred = values.credential.trim();
      if (!cred)
          throw problem(id, 'credential', 'is empty');
      let credential;
      if (/^custsecret_?/i.test(cred))
          credential = { kind: 'secret', id: cred };
      else if (/^custkey_?/i.test(cred))
          credential = { kind: 'key', id: cred };
      else
          throw problem(id, 'credential', 'is not an API secret id (custsecret_…) or key id (custkey_…)');
      let directory = values.defaultDirectory.trim();
      const override = (_b = (_a = overrides.directory) === null || _a === void 0 ? void 0 : _a.value) === null || _b === void 0 ? void 0 : _b.trim();
      if (override) {
          if (!override.startsWith('/'))
              throw new SyncError('HC_SFTP_CONFIG_INVALID', `Script parameter ${(_c = overrides.directory) === null || _c === void 0 ? void 0 : _c.param} is "${override}": enter an absolute directory starting with /, or leave it empty to use the ${SFTP_RECORD.label} record's default directory.`);
          directory = override;
      }
      if (!directory)
          throw problem(id, 'defaultDirectory', 'is empty');
      if (!directory.startsWith('/'))
          throw problem(id, 'defaultDirectory', `is "${directory}", not absolute`);
      return {
          recordId: id,
          host,
          port,
          username,
          hostKey: key.body,
          hostKeyType: key.type,
          credential,
          directory: normaliseDirectory(directory),
      };
  }
  function noSftpRecord(param, chosenId) {
      return new SyncError('HC_SFTP_CONFIG_MISSING', chosenId
          ? `Script parameter ${param} names ${SFTP_RECORD.label} record ${chosenId}, which does not exist or is inactive: choose an active record or clear the parameter.`
          : `No active ${SFTP_RECORD.label} (${SFTP_RECORD.type}) record exists: create one (Customization > Lists, Records & Fields > Record Types > ${SFTP_RECORD.label} > New) or run HotWax's SFTP setup.`);
  }
  /** SFTP folder layout under the default directory (hotwax-contracts.md section 3). */
  const SFTP_FOLDERS = {
      customerFeed: 'customer/export',
      customerFeedArchive: 'customer/export/archive',
      customerFeedError: 'customer/export/error',
      customerFeedFailed: 'customer/export/failed',
      customerFeedMissing: 'customer/export/required_fields_missing',
      partyIdentifications: 'customer/import',
      partyIdentificationsArchive: 'customer/import/archive',
      historical: 'historicalshopifycustomer/csv',
      historicalArchive: 'historicalshopifycustomer/csv/archive',
  };

  /**
   * File names the sync writes: UTC, sortable, no spaces or colons (HotWax's scripts used
   * Date.toString(), which put spaces, colons and parentheses into SFTP names).
   */
  /** 2026-11-26T20:38:46.123Z → 20261126T203846Z */
  function utcStamp(date) {
      return date
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
          .replace(/[-:]/g, '');
  }
  /** A short random suffix so two runs in the same second never collide. */
  function uniqueSuffix(random = Math.random) {
      let s = '';
      for (let i = 0; i < 6; i++)
          s += Math.floor(random() * 36).toString(36);
      return s;
  }
  /** e.g. CustomerExport-20261126T203846Z-k3f9qa.csv */
  function timestampedCsvName(prefix, date, unique) {
      return `${prefix}-${utcStamp(date)}-${unique}.csv`;
  }
  /** customer-Feed-2026-11-26-20-38-46-123.csv → customer-Feed-2026-11-26-20-38-46-123 */
  function stem(fileName) {
      return fileName.replace(/\.csv$/i, '');
  }
  /** Name used in archive/ or failed/ when the plain name is taken: never overwrite. */
  function alternativeName(fileName, date, unique) {
      return `${stem(fileName)}-${utcStamp(date)}-${unique}.csv`;
  }
  /**
   * Where an upload is written before it is moved into place, so readers never see half a file.
   * Fixed per name: an upload repeated after a crash overwrites its own leftover instead of adding one.
   */
  function temporaryName(fileName) {
      return `.${fileName}.part`;
  }
  function isCsv(fileName) {
      return /\.csv$/i.test(fileName) && !fileName.startsWith('.');
  }

  /**
   * NetSuite's File limits (netsuite-facts.md, "Added 2026-12-01"): getContents() holds at most 10 MB
   * (SSS_FILE_CONTENT_SIZE_EXCEEDED); a CSV or text file over that is read with the flat-file
   * streaming API `File.lines.iterator()` (no units), each line under 10 MB. N/sftp downloads at most
   * Connection.MAX_FILE_SIZE = 100,000,000 bytes (FTP_MAXIMUM_FILE_SIZE_EXCEEDED).
   */
  const FILE_CONTENT_LIMIT = 10 * 1024 * 1024;
  const SFTP_MAX_FILE_SIZE = 100000000;
  const join = (dir, name) => (dir ? `${dir.replace(/\/$/, '')}/${name}` : name);
  function toDate(v) {
      if (v instanceof Date)
          return v;
      const d = new Date(String(v));
      return isNaN(d.getTime()) ? new Date(0) : d;
  }
  class SftpFolderClient {
      constructor(connection, modules, now = () => new Date()) {
          this.connection = connection;
          this.modules = modules;
          this.now = now;
          this.knownDirs = new Set();
      }
      /** CSV files in `dir`, oldest first, then by name. */
      listCsv(dir) {
          const entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.DATE });
          this.knownDirs.add(dir);
          return entries
              .filter((e) => !e.directory && isCsv(e.name))
              .map((e) => ({ name: e.name, size: Number(e.size) || 0, lastModified: toDate(e.lastModified) }))
              .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.name < b.name ? -1 : 1));
      }
      /** Every entry of `dir` (no `.`/`..`), oldest first, then by name: the caller decides what to use. */
      listEntries(dir) {
          const entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.DATE });
          this.knownDirs.add(dir);
          return entries
              .filter((e) => e.name !== '.' && e.name !== '..')
              .map((e) => ({
              name: e.name,
              directory: !!e.directory,
              size: Number(e.size) || 0,
              lastModified: toDate(e.lastModified),
          }))
              .sort((a, b) => a.lastModified.getTime() - b.lastModified.getTime() || (a.name < b.name ? -1 : 1));
      }
      /**
       * A text file's contents. Up to 10 MB through getContents(); above, line by line through
       * `File.lines.iterator()` (NetSuite's flat-file streaming), the lines joined with LF (every reader
       * here accepts LF; a CRLF inside a quoted value becomes LF). Throws NetSuite's own errors: above
       * 100,000,000 bytes the download itself fails, and a single line over 10 MB fails the iterator.
       */
      download(dir, name) {
          const file = this.connection.download({ directory: dir, filename: name });
          if (Number(file.size) <= FILE_CONTENT_LIMIT)
              return file.getContents();
          const lines = [];
          file.lines.iterator().each((line) => {
              lines.push(line.value);
              return true;
          });
          return lines.length ? `${lines.join('\n')}\n` : '';
      }
      /** Write `contents` as `dir/name` atomically; an existing `dir/name` is replaced. */
      uploadAtomic(dir, name, contents) {
          const temp = temporaryName(name);
          const file = this.modules.file.create({
              name: temp,
              fileType: this.modules.file.Type.CSV,
              contents,
              encoding: this.modules.file.Encoding.UTF_8,
          });
          try {
              this.withDirectory(dir, () => this.connection.upload({ directory: dir, filename: temp, file, replaceExisting: true }));
          }
          catch (e) {
              // A write that failed half-way (disk full, connection reset) may have left part of the file.
              this.safeRemove(join(dir, temp));
              throw e;
          }
          try {
              this.connection.move({ from: join(dir, temp), to: join(dir, name) });
          }
          catch (first) {
              // The name is taken: this is a re-upload after a crash. Replace it so one copy remains.
              try {
                  this.connection.removeFile({ path: join(dir, name) });
                  this.connection.move({ from: join(dir, temp), to: join(dir, name) });
              }
              catch {
                  // Never leave the temporary file behind when the move cannot be done.
                  this.safeRemove(join(dir, temp));
                  throw first;
              }
          }
      }
      /**
       * Removes what an upload interrupted by a crash left in `dir` (`.<name>.part`): one listing
       * (10 units) and 10 units per file. Only for folders no other execution is uploading to at the
       * time (the import holds its lease); the id export removes its own files by name instead.
       */
      removeLeftovers(dir) {
          let entries;
          try {
              entries = this.connection.list({ path: dir, sort: this.modules.sftp.Sort.NAME });
          }
          catch {
              return []; // no such folder yet: nothing left over
          }
          const removed = [];
          for (const e of entries)
              if (!e.directory && /^\..+\.part$/.test(e.name)) {
                  this.safeRemove(join(dir, e.name));
                  removed.push(e.name);
              }
          return removed;
      }
      /** Removes the temporary file of an upload of `dir/name`, if a crash left it (10 units). */
      removeTemporary(dir, name) {
          this.safeRemove(join(dir, temporaryName(name)));
      }
      /**
       * Move `fromDir/name` into `toDir`, under a new name if `toDir/name` exists (`alternative`, or a
       * timestamped one). Returns the name used.
       */
      moveWithoutOverwrite(fromDir, name, toDir, alternative) {
          const from = join(fromDir, name);
          try {
              this.withDirectory(toDir, () => this.connection.move({ from, to: join(toDir, name) }));
              return name;
          }
          catch (first) {
              // SFTP's rename never replaces a file: the name is taken, so keep both under another name.
              const other = alternative !== null && alternative !== void 0 ? alternative : alternativeName(name, this.now(), uniqueSuffix());
              try {
                  this.connection.move({ from, to: join(toDir, other) });
              }
              catch {
                  throw first;
              }
              return other;
          }
      }
      /**
       * Runs `op` in `dir`. A folder not seen yet in this execution is made first (one makeDirectory,
       * 10 units, failing harmlessly when it exists) rather than after a failed upload (100 units); if
       * `op` still fails, missing parents are made and `op` runs once more.
       */
      withDirectory(dir, op) {
          if (!this.knownDirs.has(dir)) {
              try {
                  this.connection.makeDirectory({ path: dir });
              }
              catch {
                  // Already there, most likely.
              }
              this.knownDirs.add(dir);
              try {
                  op();
                  return;
              }
              catch {
                  this.knownDirs.delete(dir);
                  this.ensureDirectory(dir);
              }
          }
          op();
      }
      /** Create `dir` and any missing parents. */
      ensureDirectory(dir) {
          const absolute = dir.startsWith('/');
          let path = '';
          for (const part of dir.split('/').filter(Boolean)) {
              path = path ? `${path}/${part}` : absolute ? `/${part}` : part;
              if (this.knownDirs.has(path))
                  continue;
              try {
                  this.connection.makeDirectory({ path });
              }
              catch {
                  // Already there (or not ours to create): the next operation reports a real problem.
              }
              this.knownDirs.add(path);
          }
      }
      safeRemove(path) {
          try {
              this.connection.removeFile({ path });
          }
          catch {
              // best effort: a stray .part file is ignored by HotWax (not *.csv) and by listCsv
          }
      }
  }
  /** The customer feed folder (customer/export/) as the import sees it. */
  function customerFeedFolder(client, feedDir) {
      return {
          list: () => client.listEntries(feedDir),
          download: (name) => client.download(feedDir, name),
          writeReport: (folder, name, csv) => client.uploadAtomic(folder, name, csv),
          moveFeed: (name, folder, alternative) => client.moveWithoutOverwrite(feedDir, name, folder, alternative),
          removeLeftovers: (folder) => client.removeLeftovers(folder),
      };
  }

  const CHECKPOINT_RECORD = {
      type: 'customrecord_hc_sync_checkpoint',
      key: 'custrecord_hc_cp_key',
      state: 'custrecord_hc_cp_state',
  };
  /** Characters of a text column a search result holds (netsuite-facts: "Text columns are cut at 4,000 bytes"). */
  const SEARCH_TEXT_LIMIT = 3999;
  /** The external id that makes the record unique per key. */
  const checkpointExternalId = (key) => `hc_sync_checkpoint_${key}`;
  class CheckpointStore {
      constructor(modules, key) {
          this.modules = modules;
          this.key = key;
          this.id = null;
      }
      /**
       * Reads the state (10 units: one search page; 2 more for a state longer than a search column holds).
       * The oldest record of the key, if several exist.
       */
      load() {
          const results = this.modules.search
              .create({
              type: CHECKPOINT_RECORD.type,
              filters: [[CHECKPOINT_RECORD.key, 'is', this.key], 'AND', ['isinactive', 'is', 'F']],
              columns: [
                  this.modules.search.createColumn({ name: 'internalid', sort: this.modules.search.Sort.ASC }),
                  CHECKPOINT_RECORD.state,
              ],
          })
              .run()
              .getRange({ start: 0, end: 1 });
          if (results.length === 0)
              return null;
          this.id = results[0].id;
          let text = String(results[0].getValue({ name: CHECKPOINT_RECORD.state }) || '');
          if (!text)
              return null;
          // A search returns at most 4,000 characters of a text column: a longer state is read from the
          // record itself (2 units), or the job would start its work over.
          if (text.length >= SEARCH_TEXT_LIMIT)
              text = String(this.modules.record
                  .load({ type: CHECKPOINT_RECORD.type, id: this.id })
                  .getValue({ fieldId: CHECKPOINT_RECORD.state }) || '');
          try {
              return JSON.parse(text);
          }
          catch {
              return null;
          }
      }
      /**
       * Writes the state: 2 units when the record exists, 6 when it is created. Returns false, having
       * written nothing, when another execution created the key's record first: the caller loads again
       * (its decision was made on a state that no longer holds) and saves again.
       */
      save(state) {
          const text = JSON.stringify(state);
          if (this.id) {
              // A record made before external ids were used keeps none: it already exists, so no second
              // one can be created for its key any more.
              this.modules.record.submitFields({
                  type: CHECKPOINT_RECORD.type,
                  id: this.id,
                  values: { [CHECKPOINT_RECORD.state]: text },
                  options: { enableSourcing: false, ignoreMandatoryFields: true },
              });
              return true;
          }
          const rec = this.modules.record.create({ type: CHECKPOINT_RECORD.type });
          rec.setValue({ fieldId: 'externalid', value: checkpointExternalId(this.key) });
          rec.setValue({ fieldId: CHECKPOINT_RECORD.key, value: this.key });
          rec.setValue({ fieldId: CHECKPOINT_RECORD.state, value: text });
          try {
              this.id = String(rec.save());
          }
          catch (e) {
              if (describeError(e).code !== 'DUP_RCRD')
                  throw e;
              return false;
          }
          return true;
      }
  }

  /** Instance statuses of an execution that is still alive (RETRY: NetSuite restarts it after a server failure). */
  const ALIVE = ['PROCESSING', 'RETRY'];
  /** Also queued: a map/reduce handed a feed holds it from its submit on (HC_MR_ImportCustomer). */
  const QUEUED_OR_ALIVE = ['PENDING', ...ALIVE];
  function deploymentIsRunning(search, scriptId, deploymentId, statuses = ALIVE) {
      try {
          return (search
              .create({
              type: 'scheduledscriptinstance',
              filters: [
                  ['script.scriptid', 'is', scriptId],
                  'AND',
                  ['scriptdeployment.scriptid', 'is', deploymentId],
                  'AND',
                  ['status', 'anyof', ...statuses],
              ],
          })
              .runPaged({ pageSize: 5 }).count > 0);
      }
      catch {
          // Not allowed to read script instances (role permissions): trust the lease until it expires.
          return true;
      }
  }

  function submitMapReduce(m, scriptId, deploymentId) {
      try {
          m.task.create({ taskType: m.task.TaskType.MAP_REDUCE, scriptId, deploymentId }).submit();
          return 'submitted';
      }
      catch (e) {
          const { code, message } = describeError(e);
          if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
              throw e;
          m.log.audit({ title: `${deploymentId} not submitted`, details: `${code}: ${message}` });
          return code === 'MAP_REDUCE_ALREADY_RUNNING' ? 'already queued' : 'unavailable';
      }
  }

  /**
   * One HotWax customer feed row (hotwax-contracts.md 2a) → the customer NetSuite should have.
   * Pure: validation and mapping only, no NetSuite calls.
   */
  const CUSTOMER_FIELDS = {
      hcCustomerId: 'custentity_hc_customer_id',
      shopifyCustomerId: 'custentity_hc_shop_cust_id',
      syncStamp: 'custentity_hc_sync_stamp',
  };
  /**
   * NetSuite's limits for the customer fields the import sets (SuiteScript Records Browser, customer;
   * the same limits the emulator enforces on save), in characters as NetSuite counts them (UTF-16 code
   * units: an emoji is 2). Free-form text custom fields (custentity_hc_customer_id,
   * custentity_hc_shop_cust_id) hold 300. Over-long values are refused, never cut (docs/ARCHITECTURE.md
   * "Row validation"): a cut HC id or Shopify id would be another customer's, a cut name a silent change.
   */
  const FIELD_LIMITS = {
      firstname: 32,
      lastname: 32,
      companyname: 83,
      email: 254,
      phone: 32,
      externalid: 255,
      custentity_hc_customer_id: 300,
      custentity_hc_shop_cust_id: 300,
  };
  /**
   * NetSuite's email field rule as this project models it (the emulator applies the same rule on save,
   * emulator/src/data/fieldRules.ts): one `@`; a local part of RFC 5322 atom characters and dots (no
   * leading, trailing or double dot); a domain of at least two dot-separated labels of letters, digits
   * and inner hyphens; at most 254 characters. No spaces, quotes, commas, brackets or non-ASCII.
   */
  const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
  const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
  function isNetSuiteEmail(email) {
      if (email.length > FIELD_LIMITS.email)
          return false;
      const at = email.indexOf('@');
      if (at <= 0 || at !== email.lastIndexOf('@'))
          return false;
      const local = email.slice(0, at);
      const domain = email.slice(at + 1);
      if (!EMAIL_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
          return false;
      return EMAIL_DOMAIN.test(domain) && !domain.split('.').some((l) => l.startsWith('-') || l.endsWith('-'));
  }
  /**
   * The first character NetSuite cannot store as text, or null: U+FFFD (bytes that were not UTF-8), NUL
   * and the other C0 controls except tab, CR and LF, DEL, and a lone surrogate (half of an emoji).
   */
  function invalidCharacter(value) {
      for (let i = 0; i < value.length; i++) {
          const c = value.charCodeAt(i);
          if (c === 0xfffd)
              return { index: i, what: 'U+FFFD (bytes that are not UTF-8)' };
          if (c === 0)
              return { index: i, what: 'NUL' };
          if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
              return { index: i, what: `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}` };
          if (c >= 0xd800 && c <= 0xdbff) {
              const d = value.charCodeAt(i + 1);
              if (d >= 0xdc00 && d <= 0xdfff) {
                  i++;
                  continue;
              }
              return { index: i, what: 'a lone surrogate (half a character)' };
          }
          if (c >= 0xdc00 && c <= 0xdfff)
              return { index: i, what: 'a lone surrogate (half a character)' };
      }
      return null;
  }
  /** HotWax sends `X` when a name is empty (and cuts names to 13 characters). */
  function name(v) {
      const t = (v !== null && v !== void 0 ? v : '').trim();
      return t === 'X' ? '' : t;
  }
  function parseBoolean(v) {
      const t = v.trim().toLowerCase();
      if (!t)
          return null;
      if (['t', 'true', 'y', 'yes', '1'].includes(t))
          return true;
      if (['f', 'false', 'n', 'no', '0'].includes(t))
          return false;
      return undefined;
  }
  /** The parameter a OneWorld account needs when a feed has no subsidiary column. */
  const DEFAULT_SUBSIDIARY_PARAM = 'custscript_hc_imp_default_subsidiary';
  /**
   * A feed row → the customer to create or link, or every reason it cannot be imported. `fields` (every
   * cell of the row, named by `headerNames`) is checked for characters NetSuite cannot store, whatever
   * the column.
   */
  function toNewCustomer(values, extra, opts, fields, headerNames) {
      var _a;
      const problems = [];
      const fail = (code, message, missingRequired = false) => problems.push({ code, message, missingRequired });
      const v = (k) => { var _a; return ((_a = values[k]) !== null && _a !== void 0 ? _a : '').trim(); };
      const tooLong = (column, value, field, label) => {
          if (value.length > FIELD_LIMITS[field])
              fail('FIELD_TOO_LONG', `${column} is ${value.length} characters; NetSuite's ${label} (${field}) holds at most ${FIELD_LIMITS[field]}`);
      };
      const cells = fields !== null && fields !== void 0 ? fields : [...Object.values(values), ...Object.values(extra)].filter((x) => typeof x === 'string');
      cells.forEach((cell, i) => {
          const bad = invalidCharacter(cell);
          if (bad)
              fail('INVALID_CHARACTER', `${(headerNames === null || headerNames === void 0 ? void 0 : headerNames[i]) !== undefined ? `column "${headerNames[i]}"` : `field ${i + 1}`} holds ${bad.what} at character ${bad.index + 1}`);
      });
      const hcCustomerId = v('HCCustomerId');
      if (!hcCustomerId)
          fail('MISSING_HC_CUSTOMER_ID', 'HCCustomerId is empty', true);
      tooLong('HCCustomerId', hcCustomerId, 'custentity_hc_customer_id', 'HC Customer Id');
      const subsidiary = v('subsidiary') || opts.defaultSubsidiary;
      if (opts.oneWorld && !subsidiary)
          fail('MISSING_SUBSIDIARY', `subsidiary is empty and no default subsidiary is set (script parameter ${DEFAULT_SUBSIDIARY_PARAM}); OneWorld needs a primary subsidiary`, true);
      if (subsidiary && !/^\d+$/.test(subsidiary))
          fail('INVALID_SUBSIDIARY', `subsidiary "${subsidiary}" is not an internal id`);
      const individual = parseBoolean(v('individual'));
      if (individual === undefined)
          fail('INVALID_INDIVIDUAL', `individual "${v('individual')}" is not T or F`);
      const isPerson = individual !== false;
      let firstName = name(values.firstName);
      let lastName = name(values.lastName);
      const companyName = v('companyName') || [firstName, lastName].filter(Boolean).join(' ');
      if (!isPerson) {
          if (!companyName)
              fail('MISSING_COMPANY_NAME', 'individual is F but there is no company name (companyName, or firstName/lastName)', true);
          tooLong(v('companyName') ? 'companyName' : 'firstName + lastName', companyName, 'companyname', 'Company Name');
      }
      else {
          // NetSuite requires both names on a person: keep HotWax's own placeholder for a missing one.
          firstName = firstName || 'X';
          lastName = lastName || 'X';
          tooLong('firstName', firstName, 'firstname', 'First Name');
          tooLong('lastName', lastName, 'lastname', 'Last Name');
      }
      const email = v('email');
      if (email && !isNetSuiteEmail(email))
          fail('INVALID_EMAIL', email.length > FIELD_LIMITS.email
              ? `email is ${email.length} characters; NetSuite's Email holds at most ${FIELD_LIMITS.email}`
              : `email "${email}" is not an address NetSuite accepts`);
      const phone = v('phone').replace(/\s+/g, ' ');
      if (phone && phone.replace(/\D/g, '').length < 7)
          fail('INVALID_PHONE', `phone "${phone}" has fewer than 7 digits (NetSuite's minimum)`);
      tooLong('phone', phone, 'phone', 'Phone');
      const shopifyCustomerId = v('HCShopifyCustomerId');
      tooLong('HCShopifyCustomerId', shopifyCustomerId, 'custentity_hc_shop_cust_id', 'HC Shopify Customer Id');
      const externalId = v('externalId');
      tooLong('externalId', externalId, 'externalid', 'External ID');
      const taxable = parseBoolean(v('taxable'));
      if (taxable === undefined)
          fail('INVALID_TAXABLE', `taxable "${v('taxable')}" is not TRUE or FALSE`);
      const priorityText = v('defaultOrderPriority');
      const defaultOrderPriority = priorityText ? Number(priorityText) : null;
      if (defaultOrderPriority !== null && !Number.isFinite(defaultOrderPriority))
          fail('INVALID_ORDER_PRIORITY', `defaultOrderPriority "${priorityText}" is not a number`);
      const leadSource = v('accountSource');
      if (leadSource && !/^-?\d+$/.test(leadSource))
          fail('INVALID_ACCOUNT_SOURCE', `accountSource "${leadSource}" is not a lead source internal id`);
      const extraFields = {};
      for (const [column, fieldId] of Object.entries(opts.fieldMap)) {
          const value = ((_a = extra[column]) !== null && _a !== void 0 ? _a : '').trim();
          if (value)
              extraFields[fieldId] = value;
      }
      if (problems.length > 0)
          return rejection(problems);
      return {
          hcCustomerId,
          shopifyCustomerId,
          externalId,
          isPerson,
          firstName: isPerson ? firstName : '',
          lastName: isPerson ? lastName : '',
          companyName: isPerson ? '' : companyName,
          email,
          phone,
          statusName: v('status'),
          subsidiary,
          leadSource,
          taxable: taxable !== null && taxable !== void 0 ? taxable : null,
          defaultOrderPriority,
          extraFields,
      };
  }
  /** Problems → one rejection: codes joined with ";", messages with "; ". */
  function rejection(problems) {
      return {
          code: problems.map((p) => p.code).join(';'),
          message: problems.map((p) => p.message).join('; '),
          missingRequired: problems.some((p) => p.missingRequired),
          problems,
      };
  }
  function isProblem(x) {
      return x.code !== undefined;
  }
  /** The field map parameter: JSON `{ "<csv column>": "<customer field id>" }`. */
  function parseFieldMap(param, text) {
      const t = (text !== null && text !== void 0 ? text : '').trim();
      if (!t)
          return {};
      let parsed;
      try {
          parsed = JSON.parse(t);
      }
      catch (e) {
          throw new Error(`Script parameter ${param} is not valid JSON (${e.message}): expected {"<csv column>": "<customer field id>"}`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new Error(`Script parameter ${param} must be a JSON object {"<csv column>": "<customer field id>"}`);
      const out = {};
      for (const [k, val] of Object.entries(parsed)) {
          if (typeof val !== 'string' || !/^[a-z][a-z0-9_]*$/.test(val))
              throw new Error(`Script parameter ${param}: column "${k}" maps to "${String(val)}", which is not a field id`);
          out[k] = val;
      }
      return out;
  }

  const COLUMNS = ['internalid', 'externalid', 'email', 'isinactive', ...Object.values(CUSTOMER_FIELDS)];
  const PAGE = 1000;
  /** Every result of a search, 1,000 per getRange call (10 units each). */
  function allResults(s) {
      const set = s.run();
      const out = [];
      for (let start = 0;; start += PAGE) {
          const page = set.getRange({ start, end: start + PAGE });
          out.push(...page);
          if (page.length < PAGE)
              return out;
      }
  }
  function anyOf(field, values) {
      const out = [];
      for (const v of values) {
          if (out.length)
              out.push('OR');
          out.push([field, 'is', v]);
      }
      return out;
  }
  class NetSuiteCustomerStore {
      constructor(m) {
          this.m = m;
          this.statuses = null;
          this.subsidiaries = null;
          this.leadSources = undefined;
      }
      findCandidates(keys) {
          const groups = [];
          if (keys.hcCustomerIds.length)
              groups.push(anyOf(CUSTOMER_FIELDS.hcCustomerId, keys.hcCustomerIds));
          if (keys.externalIds.length)
              groups.push(anyOf('externalid', keys.externalIds));
          if (keys.shopifyCustomerIds.length)
              groups.push(anyOf(CUSTOMER_FIELDS.shopifyCustomerId, keys.shopifyCustomerIds));
          if (keys.emails.length)
              groups.push(anyOf('email', keys.emails));
          if (groups.length === 0)
              return [];
          const filters = [];
          for (const g of groups) {
              if (filters.length)
                  filters.push('OR');
              filters.push(g);
          }
          const s = this.m.search.create({
              type: 'customer',
              filters: filters,
              columns: COLUMNS.map((name) => name === 'internalid' ? this.m.search.createColumn({ name, sort: this.m.search.Sort.ASC }) : name),
          });
          return allResults(s).map((r) => {
              const get = (name) => { var _a; return String((_a = r.getValue({ name })) !== null && _a !== void 0 ? _a : ''); };
              const stamp = get(CUSTOMER_FIELDS.syncStamp);
              const inactive = r.getValue({ name: 'isinactive' });
              return {
                  id: String(r.id),
                  hcCustomerId: get(CUSTOMER_FIELDS.hcCustomerId),
                  externalId: get('externalid'),
                  shopifyCustomerId: get(CUSTOMER_FIELDS.shopifyCustomerId),
                  email: get('email'),
                  inactive: inactive === true || inactive === 'T',
                  stamp: stamp ? Number(stamp) : null,
              };
          });
      }
      create(c, statusId, stamp) {
          const set = (rec, fieldId, value) => {
              if (value === '' || value === null)
                  return;
              rec.setValue({ fieldId, value });
          };
          const build = (entityId) => {
              const rec = this.m.record.create({ type: 'customer', isDynamic: false });
              set(rec, 'isperson', c.isPerson ? 'T' : 'F');
              if (c.isPerson) {
                  set(rec, 'firstname', c.firstName);
                  set(rec, 'lastname', c.lastName);
              }
              else
                  set(rec, 'companyname', c.companyName);
              if (entityId)
                  set(rec, 'entityid', entityId);
              set(rec, 'email', c.email);
              set(rec, 'phone', c.phone);
              set(rec, 'externalid', c.externalId);
              set(rec, 'subsidiary', c.subsidiary);
              set(rec, 'entitystatus', statusId);
              set(rec, 'leadsource', c.leadSource);
              set(rec, 'taxable', c.taxable);
              set(rec, 'defaultorderpriority', c.defaultOrderPriority);
              for (const [fieldId, value] of Object.entries(c.extraFields))
                  set(rec, fieldId, value);
              set(rec, CUSTOMER_FIELDS.hcCustomerId, c.hcCustomerId);
              set(rec, CUSTOMER_FIELDS.shopifyCustomerId, c.shopifyCustomerId);
              set(rec, CUSTOMER_FIELDS.syncStamp, stamp);
              return rec;
          };
          try {
              return String(build().save({ enableSourcing: true, ignoreMandatoryFields: false }));
          }
          catch (e) {
              // Auto-numbering off: the entity id defaults to the name, and same-name customers collide.
              if (!/DUP_ENTITY|already exists/i.test(`${describeError(e).code} ${describeError(e).message}`))
                  throw e;
              if (/external/i.test(describeError(e).message))
                  throw e;
              const name = c.isPerson ? `${c.firstName} ${c.lastName}` : c.companyName;
              return String(build(`${name} (HC ${c.hcCustomerId})`.slice(0, 83)).save({
                  enableSourcing: true,
                  ignoreMandatoryFields: false,
              }));
          }
      }
      update(id, values) {
          this.m.record.submitFields({
              type: 'customer',
              id,
              values,
              options: { enableSourcing: false, ignoreMandatoryFields: true },
          });
      }
      subsidiaryExists(id) {
          if (!this.subsidiaries) {
              const s = this.m.search.create({ type: 'subsidiary', columns: ['internalid'] });
              this.subsidiaries = new Set(allResults(s).map((r) => String(r.id)));
          }
          return this.subsidiaries.has(id);
      }
      /**
       * The customer's Lead Source lists the account's lead sources, or its campaigns when Marketing
       * Automation is on (Records Browser, customer.leadsource). Both lists are read once (one search
       * page each); a list the account cannot search is left out, and when neither can be read the
       * answer is null: the save decides (unverified on a real account which type answers).
       */
      leadSourceExists(id) {
          if (this.leadSources === undefined) {
              let known = null;
              for (const type of ['leadsource', 'campaign']) {
                  try {
                      const s = this.m.search.create({ type, columns: ['internalid'] });
                      known = known !== null && known !== void 0 ? known : new Set();
                      for (const r of allResults(s))
                          known.add(String(r.id));
                  }
                  catch {
                      // This account has no such list (or cannot search it).
                  }
              }
              this.leadSources = known;
          }
          return this.leadSources ? this.leadSources.has(id) : null;
      }
      statusId(name) {
          var _a, _b;
          if (!this.statuses) {
              this.statuses = new Map();
              const s = this.m.search.create({ type: 'customerstatus', columns: ['name', 'stage'] });
              for (const r of allResults(s)) {
                  const n = String((_a = r.getValue({ name: 'name' })) !== null && _a !== void 0 ? _a : '').trim();
                  const stage = String(r.getText({ name: 'stage' }) || r.getValue({ name: 'stage' }) || '').trim();
                  if (n)
                      this.statuses.set(n.toLowerCase(), String(r.id));
                  if (n && stage)
                      this.statuses.set(`${stage}-${n}`.toLowerCase(), String(r.id));
              }
          }
          return (_b = this.statuses.get(name.trim().toLowerCase())) !== null && _b !== void 0 ? _b : null;
      }
  }

  /** Script parameter as a trimmed string ('' when unset). */
  function textParam(script, name) {
      const v = script.getParameter({ name });
      return v === null || v === undefined ? '' : String(v).trim();
  }
  function checkboxParam(script, name) {
      const v = script.getParameter({ name });
      return v === true || v === 'T' || v === 'true';
  }
  function integerParam(script, name, fallback, min = 1) {
      const t = textParam(script, name);
      if (!t)
          return fallback;
      const n = Number(t);
      if (!Number.isInteger(n) || n < min)
          throw new Error(`Script parameter ${name} is "${t}": enter a whole number of at least ${min}, or clear it to use ${fallback}.`);
      return n;
  }
  /**
   * The SFTP settings record: the one the parameter names (lookupFields, 1 unit) or the first active
   * one (one search page, 10 units), checked and merged with the directory override.
   */
  function loadSftpSettings(search, params) {
      const fieldIds = Object.values(SFTP_RECORD.fields);
      const fromRow = (id, get) => {
          const values = { id };
          for (const [key, fieldId] of Object.entries(SFTP_RECORD.fields)) {
              const v = get(fieldId);
              values[key] = v === null || v === undefined ? '' : String(v);
          }
          return values;
      };
      let values;
      if (params.recordValue) {
          let found;
          try {
              found = search.lookupFields({
                  type: SFTP_RECORD.type,
                  id: params.recordValue,
                  columns: [...fieldIds, 'isinactive'],
              });
          }
          catch {
              throw noSftpRecord(params.record, params.recordValue);
          }
          // No such record (some accounts answer a lookup of a missing id with empty values) or inactive.
          const empty = fieldIds.every((f) => found[f] === undefined || found[f] === null || found[f] === '');
          if (empty || found.isinactive === true)
              throw noSftpRecord(params.record, params.recordValue);
          values = fromRow(params.recordValue, (f) => found[f]);
      }
      else {
          const rows = search
              .create({
              type: SFTP_RECORD.type,
              filters: [['isinactive', 'is', 'F']],
              columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), ...fieldIds],
          })
              .run()
              .getRange({ start: 0, end: 1 });
          if (rows.length === 0)
              throw noSftpRecord(params.record);
          values = fromRow(String(rows[0].id), (f) => rows[0].getValue({ name: f }));
      }
      return sftpSettingsFrom(values, { directory: { param: params.directory, value: params.directoryValue } });
  }
  /** Connects with host-key checking. The credential is passed by id: its value never passes here. */
  function connect(modules, s) {
      const base = {
          url: s.host,
          port: s.port,
          username: s.username,
          hostKey: s.hostKey,
          directory: s.directory,
          ...(s.hostKeyType ? { hostKeyType: s.hostKeyType } : {}),
      };
      let connection;
      try {
          connection =
              s.credential.kind === 'secret'
                  ? modules.sftp.createConnection({ ...base, secret: s.credential.id })
                  : modules.sftp.createConnection({ ...base, keyId: s.credential.id });
      }
      catch (e) {
          const { code, message } = describeError(e);
          throw new Error(`${code}: cannot connect to ${s.username}@${s.host}:${s.port} (settings from ${SFTP_RECORD.label} record ${s.recordId}): ${message}`);
      }
      return new SftpFolderClient(connection, modules);
  }
  /**
   * The SFTP connection a script's parameters point at: its settings-record parameter (or the first
   * active record) and its directory override. The validator checks that the entry file names both ids.
   */
  function connectWithScriptParams(m, script, params) {
      return connect(m, loadSftpSettings(m.search, {
          record: params.sftpConfig,
          recordValue: textParam(script, params.sftpConfig),
          directory: params.sftpDirectory,
          directoryValue: textParam(script, params.sftpDirectory),
      }));
  }
  /** Folder internal id by id or name (see folderWithDescription); null when missing and not to be created. */
  function findFolder(m, nameOrId, create) {
      var _a, _b;
      return (_b = (_a = folderWithDescription(m, nameOrId, create)) === null || _a === void 0 ? void 0 : _a.id) !== null && _b !== void 0 ? _b : null;
  }
  /**
   * A File Cabinet folder (by internal id or name) and its description: one search page (10 units),
   * or a lookup (1 unit) when given an id; created when missing (15 units).
   */
  function folderWithDescription(m, nameOrId, create = true) {
      var _a, _b;
      if (/^\d+$/.test(nameOrId)) {
          const found = m.search.lookupFields({ type: 'folder', id: nameOrId, columns: ['description'] });
          return { id: nameOrId, description: String((_a = found.description) !== null && _a !== void 0 ? _a : '') };
      }
      const rows = m.search
          .create({
          type: 'folder',
          filters: [['name', 'is', nameOrId]],
          columns: [m.search.createColumn({ name: 'internalid', sort: m.search.Sort.ASC }), 'description'],
      })
          .run()
          .getRange({ start: 0, end: 1 });
      if (rows.length > 0)
          return { id: String(rows[0].id), description: String((_b = rows[0].getValue({ name: 'description' })) !== null && _b !== void 0 ? _b : '') };
      if (!create)
          return null;
      const folder = m.record.create({ type: 'folder' });
      folder.setValue({ fieldId: 'name', value: nameOrId });
      return { id: String(folder.save()), description: '' };
  }
  /** Files in a folder, oldest first (by internal id, which grows with creation). */
  function filesInFolder(search, folderId, onlyCsv = true) {
      const s = search.create({
          type: 'file',
          filters: [['folder', 'anyof', folderId]],
          columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'name'],
      });
      return allResults(s)
          .map((r) => { var _a; return ({ id: String(r.id), name: String((_a = r.getValue({ name: 'name' })) !== null && _a !== void 0 ? _a : '') }); })
          .filter((f) => !onlyCsv || /\.csv$/i.test(f.name));
  }
  /**
   * Queue the next execution on the script's NOTSCHEDULED deployment (20 units). False when NetSuite
   * refuses (that deployment is already queued): the next scheduled run continues from the checkpoint.
   */
  function reschedule(m, scriptId, deploymentId) {
      try {
          m.task.create({ taskType: m.task.TaskType.SCHEDULED_SCRIPT, scriptId, deploymentId }).submit();
          return true;
      }
      catch (e) {
          const { code, message } = describeError(e);
          m.log.audit({
              title: 'Not rescheduled',
              details: `${code}: ${message}. The next scheduled run continues from the checkpoint.`,
          });
          return false;
      }
  }

  /** Index of candidate customers by each matching key; rows created in this run are added to it. */
  class CandidateIndex {
      constructor(customers = []) {
          this.byHcId = new Map();
          this.byExternalId = new Map();
          this.byShopifyId = new Map();
          this.byEmail = new Map();
          for (const c of customers)
              this.add(c);
      }
      add(c) {
          const push = (m, k) => {
              var _a;
              if (!k)
                  return;
              const list = (_a = m.get(k)) !== null && _a !== void 0 ? _a : [];
              if (!list.some((x) => x.id === c.id))
                  list.push(c);
              list.sort((a, b) => Number(a.id) - Number(b.id));
              m.set(k, list);
          };
          push(this.byHcId, c.hcCustomerId);
          // NetSuite keeps external ids unique per record type ignoring case (its search matches them so too).
          if (c.externalId)
              this.byExternalId.set(c.externalId.toLowerCase(), c);
          push(this.byShopifyId, c.shopifyCustomerId);
          push(this.byEmail, c.email.toLowerCase());
      }
      /** Fields of `c` changed by a link: keep the index in step without searching again. */
      update(c, fields) {
          Object.assign(c, fields);
          this.add(c);
      }
      decide(row, matchByEmail) {
          var _a, _b, _c;
          const linked = this.byHcId.get(row.hcCustomerId);
          if (linked && linked.length > 0) {
              const customer = (_a = linked.find((c) => !c.inactive)) !== null && _a !== void 0 ? _a : linked[0];
              return { kind: 'alreadyLinked', customer, fill: fillEmpty(customer, row) };
          }
          const byExt = row.externalId ? this.byExternalId.get(row.externalId.toLowerCase()) : undefined;
          if (byExt)
              return linkOrConflict(byExt, row, 'externalid');
          const byShop = row.shopifyCustomerId ? this.byShopifyId.get(row.shopifyCustomerId) : undefined;
          if (byShop && byShop.length > 0) {
              const free = (_b = byShop.find((c) => !c.hcCustomerId && !c.inactive)) !== null && _b !== void 0 ? _b : byShop[0];
              return linkOrConflict(free, row, 'custentity_hc_shop_cust_id');
          }
          if (matchByEmail && row.email) {
              const active = ((_c = this.byEmail.get(row.email.toLowerCase())) !== null && _c !== void 0 ? _c : []).filter((c) => !c.inactive);
              if (active.length === 1)
                  return linkOrConflict(active[0], row, 'email');
          }
          return { kind: 'create' };
      }
  }
  function linkOrConflict(customer, row, matchedBy) {
      if (customer.hcCustomerId && customer.hcCustomerId !== row.hcCustomerId)
          return { kind: 'conflict', customer, matchedBy };
      return { kind: 'link', customer, matchedBy, fill: fillEmpty(customer, row) };
  }
  /** The HotWax fields to fill on an existing customer: only where NetSuite holds nothing yet. */
  function fillEmpty(customer, row) {
      const fill = {};
      if (!customer.hcCustomerId)
          fill.custentity_hc_customer_id = row.hcCustomerId;
      if (!customer.shopifyCustomerId && row.shopifyCustomerId)
          fill.custentity_hc_shop_cust_id = row.shopifyCustomerId;
      if (!customer.externalId && row.externalId)
          fill.externalid = row.externalId;
      return fill;
  }

  const DRY_RUN_FOLDER = 'customer/export/dry_run';
  const DRY_RUN_HEADER = [
      'fileName',
      'lineNumber',
      'HCCustomerId',
      'outcome',
      'customerId',
      'errorCode',
      'errorMessage',
  ];
  /** Worst case for one row: create (5) + save (10), plus a retry of both for an entity id clash. */
  const ROW_UNITS = 2 * (UNITS.customerCreate + UNITS.customerSave);
  /** Finishing a feed: each report is a folder check, an upload, a move (and a replace), then the archive move. */
  const REPORT_UNITS = UNITS.sftpTransfer + 4 * UNITS.sftpOther;
  const ARCHIVE_UNITS = 2 * UNITS.sftpOther + UNITS.customRecordSubmitFields;
  const finishUnits = (errors) => ARCHIVE_UNITS +
      (errors.length ? REPORT_UNITS : 0) +
      (errors.some((e) => e.missingRequired) ? REPORT_UNITS : 0);
  const LEASE_MS = 15 * 60 * 1000;
  const emptyCounts = () => ({ created: 0, linked: 0, alreadyLinked: 0, errors: 0 });
  /** Times a handoff is submitted before the scheduled path takes its feeds back. */
  const MAX_HANDOFF_ATTEMPTS = 3;
  /** The map/reduce's lease is given back by its summarize, not by time: 30 days is only a backstop. */
  const HANDOFF_LEASE_MS = 30 * 24 * 60 * 60 * 1000;
  /** True when the run ends here (the map/reduce was submitted again); false when the feeds came back. */
  function resumeHandoff(state, deps, summary) {
      const h = state.handoff;
      const left = h.feeds.filter((f) => !h.done.includes(f.name));
      const names = left.map((f) => f.name).join(', ');
      if (h.attempts < MAX_HANDOFF_ATTEMPTS) {
          h.attempts++;
          deps.checkpoint.save(state);
          const submitted = deps.mapReduce.submit();
          deps.log.audit('Customer feeds handed to HC_MR_ImportCustomer again', `attempt ${h.attempts} of ${MAX_HANDOFF_ATTEMPTS} (${submitted}): ${names}`);
          summary.skipped = `deployment ${state.lease.deploymentId} holds the feeds ${names}; submitted again (attempt ${h.attempts})`;
          return true;
      }
      deps.log.error(`HC_MR_ImportCustomer did not finish ${left.length} customer feed(s)`, `after ${MAX_HANDOFF_ATTEMPTS} attempts HC_SC_ImportCustomer imports them itself (customers already written are found by their HC customer id, never created twice): ${names}`);
      giveBack(state, left);
      return false;
  }
  /**
   * Feeds of a handoff go back to this script: never handed over again, and their reports keep the
   * tag the map/reduce used (a report it wrote is replaced, never doubled).
   */
  function giveBack(state, feeds) {
      returnFeeds(state, feeds);
      delete state.handoff;
  }
  /** Some feeds of a handoff back to this script (the handoff itself goes on). */
  function returnFeeds(state, feeds) {
      var _a;
      if (!feeds.length)
          return;
      state.notHandedOff = [...new Set([...((_a = state.notHandedOff) !== null && _a !== void 0 ? _a : []), ...feeds.map((f) => f.name)])];
      state.blockedTags = { ...state.blockedTags };
      for (const f of feeds)
          state.blockedTags[f.name] = f.tag;
  }
  function runCustomerImport(deps, opts) {
      var _a, _b, _c;
      const summary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
      const fresh = () => ({ file: null, line: 0, errors: [], counts: emptyCounts(), lease: null });
      const withLease = (st) => {
          st.lease = {
              executionId: opts.executionId,
              deploymentId: opts.deploymentId,
              until: deps.now() + LEASE_MS,
          };
          return st;
      };
      const save = (st) => {
          if (!opts.dryRun)
              deps.checkpoint.save(withLease(st));
      };
      // Take the lease. Two executions starting together on a fresh account both find no checkpoint;
      // only one can create it (external id), and the other decides again on the winner's state.
      let state = fresh();
      let leftOver = null;
      for (let attempt = 1;; attempt++) {
          const loaded = deps.checkpoint.load();
          const lease = (_a = loaded === null || loaded === void 0 ? void 0 : loaded.lease) !== null && _a !== void 0 ? _a : null;
          const mr = deps.mapReduce;
          const handedOff = !!((loaded === null || loaded === void 0 ? void 0 : loaded.handoff) && (lease === null || lease === void 0 ? void 0 : lease.scriptId) && mr && lease.deploymentId === mr.deploymentId);
          if (lease &&
              lease.deploymentId !== opts.deploymentId &&
              lease.until > deps.now() &&
              (handedOff ? mr.running() : deps.leaseHolderRunning(lease))) {
              summary.skipped = `deployment ${lease.deploymentId} is importing (lease until ${new Date(lease.until).toISOString()}); this run leaves the feeds to it`;
              return summary;
          }
          // A dry run starts from scratch and keeps its state to itself.
          if (opts.dryRun)
              break;
          state = loaded !== null && loaded !== void 0 ? loaded : fresh();
          leftOver = lease;
          // Handed to the map/reduce, which is neither queued nor running: the handoff was cut short (a
          // crash between saving it and the submit) or the job ended without finishing. Submit it again,
          // and after MAX_HANDOFF_ATTEMPTS take the feeds back (every customer written is found again).
          if (handedOff && resumeHandoff(state, deps, summary))
              return summary;
          if (deps.checkpoint.save(withLease(state)) !== false)
              break;
          if (attempt >= 3)
              throw new SyncError('HC_CHECKPOINT_CONFLICT', 'the import checkpoint could not be read back after a conflict');
      }
      try {
          if (leftOver)
              // The previous holder did not finish (crashed, or still marked after its deployment stopped).
              deps.log.audit('Import lease taken over', `from ${leftOver.deploymentId} (execution ${leftOver.executionId}), which is no longer running`);
          if (leftOver || state.interrupted) {
              // Only this execution writes these folders now (it holds the lease).
              for (const folder of [SFTP_FOLDERS.customerFeedError, SFTP_FOLDERS.customerFeedMissing])
                  (_c = (_b = deps.feeds).removeLeftovers) === null || _c === void 0 ? void 0 : _c.call(_b, folder);
              delete state.interrupted;
          }
          return importFeeds(summary, state, deps, opts, save);
      }
      catch (e) {
          // A failing execution must not block the other deployment: release the lease, keep the progress
          // (every row counted in `state` is written). After a crash this cannot run; the lease is then
          // found left over and its holder not running.
          if (!opts.dryRun)
              try {
                  state.lease = null;
                  state.interrupted = true;
                  deps.checkpoint.save(state);
              }
              catch {
                  // Out of units or the execution is going away: the next run sees a holder not running.
              }
          throw e;
      }
  }
  function importFeeds(summary, state, deps, opts, save) {
      var _a, _b, _c, _d;
      const tally = (outcome) => {
          state.counts[outcome]++;
          summary.totals[outcome]++;
      };
      let listed;
      try {
          listed = deps.feeds.list();
      }
      catch (e) {
          // Nothing can be imported without the listing: end in error (NetSuite notifies), naming the folder.
          const { code, message } = describeError(e);
          deps.log.error(`Cannot list SFTP folder ${SFTP_FOLDERS.customerFeed}/`, `${code}: ${message}. Check that ${SFTP_FOLDERS.customerFeed}/ exists under the default directory and that the SFTP user may read it.`);
          throw e;
      }
      const run = { reportedFolders: new Set(), setupReported: new Set() };
      const feeds = [];
      for (const entry of listed) {
          const unsafe = unsafeNameReason(entry.name);
          if (unsafe) {
              summary.files.push(skip(entry.name, unsafe, deps));
              continue;
          }
          if (entry.name.startsWith('.') || !isCsv(entry.name))
              continue; // not a feed: other files, archive/, error/...
          if (entry.directory) {
              summary.files.push(skip(entry.name, 'a directory, not a file', deps));
              continue;
          }
          feeds.push(entry);
      }
      // The feed in progress is gone (archived by an execution that crashed before saving): start afresh.
      if (state.file && !feeds.some((f) => f.name === state.file)) {
          Object.assign(state, { file: null, line: 0, errors: [], counts: emptyCounts() });
          forgetFile(state);
          delete state.tag;
      }
      // The feed in progress first, so a resumed execution finishes what it started; entries that could
      // not be read last time go last, so they never hold up the feeds behind them.
      const skippedBefore = new Set((_a = state.skipped) !== null && _a !== void 0 ? _a : []);
      const rank = (f) => (f.name === state.file ? 0 : skippedBefore.has(f.name) ? 2 : 1);
      feeds.sort((a, b) => rank(a) - rank(b));
      const skippedNow = [];
      // Feeds given back by the map/reduce and since archived are forgotten.
      if (state.notHandedOff) {
          const listedNames = new Set(feeds.map((f) => f.name));
          state.notHandedOff = state.notHandedOff.filter((n) => listedNames.has(n));
          if (!state.notHandedOff.length)
              delete state.notHandedOff;
      }
      let progress = false;
      for (let index = 0; index < feeds.length; index++) {
          const entry = feeds[index];
          const name = entry.name;
          if (!deps.budget.canAfford(UNITS.sftpTransfer + UNITS.searchPage + ROW_UNITS + ARCHIVE_UNITS)) {
              summary.paused = true;
              break;
          }
          if (state.file !== name) {
              state.file = name;
              state.line = 0;
              state.errors = [];
              state.counts = emptyCounts();
              forgetFile(state);
              state.tag = (_c = (_b = state.blockedTags) === null || _b === void 0 ? void 0 : _b[name]) !== null && _c !== void 0 ? _c : `${utcStamp(new Date(deps.now()))}-${uniqueSuffix()}`;
              // Saved before any report can be written, so a re-run after a crash names its reports the same.
              save(state);
          }
          const lineBefore = state.line;
          const mr = deps.mapReduce;
          // Nothing of this feed handled yet: a large backlog goes to HC_MR_ImportCustomer.
          const offer = mr && !opts.dryRun && state.line === 0 && !state.reportParts && !((_d = state.notHandedOff) === null || _d === void 0 ? void 0 : _d.includes(name))
              ? (rowCount) => handOff(entry, rowCount, feeds.slice(index + 1), state, deps, mr)
              : undefined;
          const result = importOneFeed(entry, state, deps, opts, save, tally, run, upserting(deps, opts), offer);
          summary.files.push(result);
          if (result.outcome === 'handed off') {
              // The map/reduce holds the lease now (saved with the handoff): nothing more is saved here.
              summary.handedOff = state.handoff.feeds.map((f) => f.name);
              return summary;
          }
          if (result.outcome === 'in progress') {
              progress = progress || state.line > lineBefore;
              summary.paused = true;
              break;
          }
          if (result.outcome === 'skipped')
              skippedNow.push(name);
          else
              progress = true;
          // A feed left in place keeps its tag, so its next try replaces the reports it already wrote.
          const blockedTags = { ...state.blockedTags };
          if (result.outcome === 'blocked' && state.tag)
              blockedTags[name] = state.tag;
          else
              delete blockedTags[name];
          state.blockedTags = Object.keys(blockedTags).length ? blockedTags : undefined;
          // A feed the map/reduce gave back is done with once it is archived or failed.
          if (state.notHandedOff && result.outcome !== 'blocked' && result.outcome !== 'skipped') {
              state.notHandedOff = state.notHandedOff.filter((n) => n !== name);
              if (!state.notHandedOff.length)
                  delete state.notHandedOff;
          }
          state.file = null;
          state.line = 0;
          state.errors = [];
          state.counts = emptyCounts();
          forgetFile(state);
          delete state.tag;
          save(state);
      }
      state.skipped = skippedNow.length ? skippedNow : undefined;
      summary.stalled = summary.paused && !progress;
      state.lease = null;
      if (!opts.dryRun)
          deps.checkpoint.save(state);
      return summary;
  }
  /**
   * One feed, with the names of the reports written for it. `decider` decides the rows (this
   * execution's upserts, or the outcomes the map/reduce's reduce stage reached); `offer` may hand the
   * feed over once it is read (true: handed off).
   */
  function importOneFeed(entry, state, deps, opts, save, tally, run, decider, offer) {
      const written = recordingReports(deps.feeds);
      const result = importFeed(entry, state, { ...deps, feeds: written.feeds }, opts, save, tally, run, decider, offer);
      const errorReports = written.names(SFTP_FOLDERS.customerFeedError);
      if (errorReports.length)
          result.errorReports = errorReports;
      const dryRunReport = written.names(DRY_RUN_FOLDER)[0];
      if (dryRunReport)
          result.dryRunReport = dryRunReport;
      return result;
  }
  /**
   * Hands the feed being taken up, and the feeds waiting after it (at most `maxFeeds` in all), to
   * HC_MR_ImportCustomer when together they hold at least `minRows` rows (the waiting feeds' rows
   * estimated from their sizes). The checkpoint is saved with the handoff and the map/reduce's lease
   * before the submit: a crash in between leaves a handoff the next run submits again.
   */
  function handOff(first, rowCount, after, state, deps, mr) {
      var _a;
      if (mr.minRows <= 0)
          return false;
      const skippedBefore = new Set((_a = state.skipped) !== null && _a !== void 0 ? _a : []);
      const waiting = after
          .filter((f) => { var _a; return !skippedBefore.has(f.name) && !((_a = state.notHandedOff) === null || _a === void 0 ? void 0 : _a.includes(f.name)); })
          .filter((f) => { var _a; return !((_a = state.blockedTags) === null || _a === void 0 ? void 0 : _a[f.name]); })
          .slice(0, Math.max(0, mr.maxFeeds - 1));
      const bytesPerRow = first.size && rowCount ? first.size / rowCount : 0;
      const backlogRows = rowCount + (bytesPerRow ? waiting.reduce((n, f) => { var _a; return n + Math.round(((_a = f.size) !== null && _a !== void 0 ? _a : 0) / bytesPerRow); }, 0) : 0);
      if (backlogRows < mr.minRows)
          return false;
      const now = deps.now();
      const taken = [first, ...waiting];
      const before = JSON.stringify(state);
      state.handoff = {
          feeds: taken.map((f, i) => ({
              name: f.name,
              tag: i === 0 && state.tag ? state.tag : `${utcStamp(new Date(now))}-${uniqueSuffix()}`,
          })),
          done: [],
          attempts: 1,
          settings: mr.settings,
      };
      Object.assign(state, { file: null, line: 0, errors: [], counts: emptyCounts() });
      forgetFile(state);
      delete state.tag;
      state.lease = {
          executionId: `${mr.deploymentId}-${now}-${uniqueSuffix()}`,
          deploymentId: mr.deploymentId,
          scriptId: mr.scriptId,
          until: now + HANDOFF_LEASE_MS,
      };
      deps.checkpoint.save(state);
      const submitted = mr.submit();
      if (submitted === 'unavailable') {
          // The deployment cannot run (an upgraded account without it, say): this script goes on itself;
          // its next checkpoint save replaces the handoff.
          for (const k of Object.keys(state))
              delete state[k];
          Object.assign(state, JSON.parse(before));
          deps.log.error('HC_SC_ImportCustomer cannot hand feeds to HC_MR_ImportCustomer', `Deployment ${mr.deploymentId} of ${mr.scriptId} cannot be submitted (see the AUDIT line before this one): create it (docs/UPGRADE.md, HC_ADD_DEPLOYMENTS=${mr.deploymentId} npm run deploy:add-deployments) or set custscript_hc_imp_mr_min_rows to 0. The feeds are imported here, one execution after another.`);
          deps.checkpoint.save(state);
          return false;
      }
      deps.log.audit('Customer feeds handed to HC_MR_ImportCustomer', `${taken.length} feed(s), about ${backlogRows} rows${submitted === 'submitted' ? '' : ' (the job was already queued)'}: ${taken.map((f) => f.name).join(', ')}`);
      return true;
  }
  /** The details of the AUDIT line "<script> summary", the same for both import scripts. */
  function summaryDetails(summary, unitsUsed, rescheduled) {
      var _a, _b, _c, _d;
      return {
          totals: summary.totals,
          files: summary.files.length,
          archived: summary.files.filter((f) => f.outcome === 'archived').length,
          failed: summary.files.filter((f) => f.outcome === 'failed').length,
          // Entries reported and left in place: unreadable or unsafe names (skipped), reports or archive
          // move that could not be written (blocked; read again next run).
          skippedEntries: summary.files.filter((f) => f.outcome === 'skipped').length,
          blocked: summary.files.filter((f) => f.outcome === 'blocked').length,
          lines: summary.files.reduce((n, f) => { var _a; return n + ((_a = f.lines) !== null && _a !== void 0 ? _a : 0); }, 0),
          inProgress: (_b = (_a = summary.files.find((f) => f.outcome === 'in progress')) === null || _a === void 0 ? void 0 : _a.name) !== null && _b !== void 0 ? _b : null,
          skipped: (_c = summary.skipped) !== null && _c !== void 0 ? _c : null,
          handedOff: (_d = summary.handedOff) !== null && _d !== void 0 ? _d : null,
          unitsUsed,
          rescheduled,
      };
  }
  /** Per-feed fields that must not carry over to the next feed. */
  function forgetFile(state) {
      delete state.reportParts;
      delete state.missingLines;
      delete state.problemsThrough;
  }
  /** Errors of one feed kept in the checkpoint before they are written out as a report part. */
  const SPILL_AT_CHARS = 600000;
  /** A stored error message is cut past this (at a character boundary): NetSuite's own can be long. */
  const MAX_STORED_MESSAGE = 1000;
  const storedMessage = (m) => {
      if (m.length <= MAX_STORED_MESSAGE)
          return m;
      const c = m.charCodeAt(MAX_STORED_MESSAGE - 1);
      return `${m.slice(0, c >= 0xd800 && c <= 0xdbff ? MAX_STORED_MESSAGE - 1 : MAX_STORED_MESSAGE)}…`;
  };
  const storedSize = (e) => e.message.length + e.code.length + e.hcCustomerId.length + 80;
  /**
   * Why a listed name must never be joined into a path, or null: a `/` or `\` (it would reach another
   * folder), NUL, a `..` or `.` segment. N/sftp lists names of one folder; such a name comes only from
   * a hostile or broken server.
   */
  function unsafeNameReason(name) {
      if (name === '')
          return 'an empty name';
      if (name.indexOf('\u0000') >= 0)
          return 'a name holding NUL';
      if (/[/\\]/.test(name))
          return 'a name holding a path separator (/ or \\)';
      if (name === '.' || name === '..')
          return 'a name that is a path segment (. or ..)';
      return null;
  }
  function skip(name, reason, deps) {
      deps.log.error(`Customer feed folder entry ${JSON.stringify(name)} skipped`, `${SFTP_FOLDERS.customerFeed}/ entry ${JSON.stringify(name)}: ${reason}. It is left where it is and the other feeds are imported; remove or fix it on the SFTP server.`);
      return { name, outcome: 'skipped', reason, counts: emptyCounts() };
  }
  /** Errors of a download that will never succeed for this file: it goes to failed/ with a report. */
  const PERMANENT_DOWNLOAD_ERRORS = new Set([
      'FTP_MAXIMUM_FILE_SIZE_EXCEEDED',
      'SSS_FILE_CONTENT_SIZE_EXCEEDED',
  ]);
  /**
   * A feed's stem for names the import makes, at most 150 UTF-8 bytes (cut between characters, never
   * inside a surrogate pair), so `-<tag>-errors.csv` still fits the usual 255-byte file name limit.
   */
  function shortStem(name) {
      const s = stem(name);
      let bytes = 0;
      for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
          const size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
          if (bytes + size > 150)
              return s.slice(0, i);
          bytes += size;
          if (pair)
              i++;
      }
      return s;
  }
  /**
   * The feed folder with `onReport` told of every report written through it. Every other call (and
   * argument, and any method added later) reaches the folder itself: the wrapper delegates through
   * its prototype instead of listing the methods.
   */
  function observingReports(feeds, onReport) {
      const observed = Object.create(feeds);
      observed.writeReport = (folder, name, csv) => {
          feeds.writeReport(folder, name, csv);
          onReport(folder, name, csv);
      };
      return observed;
  }
  /** The names of the reports written through the folder (they carry a tag: readers take them from the summary). */
  function recordingReports(feeds) {
      const written = [];
      return {
          feeds: observingReports(feeds, (folder, name) => {
              if (!written.some((w) => w.folder === folder && w.name === name))
                  written.push({ folder, name });
          }),
          names: (folder) => written.filter((w) => w.folder === folder).map((w) => w.name),
      };
  }
  /** A report file name that never overwrites another feed's: `<stem>-<tag><suffix>`. */
  function reportName(name, state, suffix, entry, dryRun) {
      var _a;
      // A dry run saves no state: its verdict file is named after the feed's modification time, so
      // checking the same file again replaces its verdicts and another file of the same name does not.
      const tag = dryRun || !state.tag ? utcStamp((_a = entry.lastModified) !== null && _a !== void 0 ? _a : new Date(0)) : state.tag;
      return `${shortStem(name)}-${tag}${suffix}`;
  }
  /**
   * Runs a write into `folder`; when it fails, says so once per execution and per folder in an ERROR
   * naming the folder, and returns false (the caller leaves the feed where it is for the next run).
   */
  function writeInto(folder, feed, op, deps, run) {
      try {
          op();
          return true;
      }
      catch (e) {
          const { code, message } = describeError(e);
          if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
              throw e;
          if (!run.reportedFolders.has(folder)) {
              run.reportedFolders.add(folder);
              deps.log.error(`Cannot write to SFTP folder ${folder}/`, `${code}: ${message}. Give the SFTP user write access to ${folder}/ (or create it). Feed ${feed} stays in ${SFTP_FOLDERS.customerFeed}/ and is read again by the next run: customers already created are found by their HC customer id, never created twice.`);
          }
          return false;
      }
  }
  function importFeed(entry, state, deps, opts, save, tally, run, decider, offer) {
      var _a, _b, _c, _d, _e, _f, _g, _h;
      const name = entry.name;
      const errorsName = reportName(name, state, '-errors.csv', entry, opts.dryRun);
      const dryRunName = reportName(name, state, '-dry-run.csv', entry, true);
      /** The whole file cannot be imported: failed/ and a report (a dry run only says so). */
      const failFile = (code, reason) => {
          // Its report and move must fit too (governance), or the next execution reads the file again.
          if (!opts.dryRun && !deps.budget.canAfford(REPORT_UNITS + ARCHIVE_UNITS))
              return { name, outcome: 'in progress', counts: state.counts };
          tally('errors');
          if (opts.dryRun) {
              deps.feeds.writeReport(DRY_RUN_FOLDER, dryRunName, toReportCsv(DRY_RUN_HEADER, [[name, 0, '', 'error', '', code, reason]]));
              return { name, outcome: 'checked', counts: state.counts, reason };
          }
          deps.log.error(`Customer feed ${name} cannot be read`, `${reason}; moved to ${SFTP_FOLDERS.customerFeedFailed}/`);
          const report = toReportCsv(ERROR_REPORT_HEADER, [[name, 0, '', code, reason]]);
          if (!writeInto(SFTP_FOLDERS.customerFeedError, name, () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, errorsName, report), deps, run))
              return { name, outcome: 'blocked', counts: state.counts, reason };
          let movedTo = '';
          if (!writeInto(SFTP_FOLDERS.customerFeedFailed, name, () => {
              var _a;
              movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedFailed, `${shortStem(name)}-${(_a = state.tag) !== null && _a !== void 0 ? _a : uniqueSuffix()}.csv`);
          }, deps, run))
              return { name, outcome: 'blocked', counts: state.counts, reason };
          return { name, outcome: 'failed', movedTo, counts: state.counts, reason };
      };
      if (((_a = entry.size) !== null && _a !== void 0 ? _a : 0) > SFTP_MAX_FILE_SIZE)
          return failFile('FILE_TOO_LARGE', `the file is ${entry.size} bytes; NetSuite's N/sftp downloads at most ${SFTP_MAX_FILE_SIZE} bytes (Connection.MAX_FILE_SIZE): have HotWax send smaller feeds`);
      let text;
      try {
          text = deps.feeds.download(name);
      }
      catch (e) {
          const { code, message } = describeError(e);
          if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
              throw e;
          if (PERMANENT_DOWNLOAD_ERRORS.has(code))
              return failFile('FILE_TOO_LARGE', `${code}: the file${entry.size ? ` is ${entry.size} bytes and` : ''} cannot be read within NetSuite's limits (${message}); have HotWax send smaller feeds`);
          return skip(name, `cannot be downloaded (${code}: ${message})`, deps);
      }
      const unreadable = unreadableReason(text);
      const parsed = unreadable ? null : readCustomerFeed(text, name);
      const missingKey = parsed && parsed.missingColumns.includes('HCCustomerId');
      if (!parsed || missingKey)
          return failFile('UNREADABLE_FEED', unreadable !== null && unreadable !== void 0 ? unreadable : `the header has no HCCustomerId column (nor a legacy "External Id" one; found: ${parsed.header.join(', ') || 'nothing'})`);
      const lines = Math.max(0, physicalLineCount(text) - parsed.headerLine);
      if (offer && offer(parsed.rows.length + parsed.problems.length))
          return { name, outcome: 'handed off', counts: state.counts, lines };
      // Setup mistakes, said once per execution; every row they affect is still reported with its line.
      if (opts.oneWorld && !opts.defaultSubsidiary && parsed.matched.subsidiary === undefined)
          setupError(run, deps, 'no-subsidiary', 'HC_SC_ImportCustomer setup: new customers have no subsidiary', `This is a OneWorld account, feed ${name} has no subsidiary column and the script parameter ${DEFAULT_SUBSIDIARY_PARAM} is empty, so NetSuite refuses every new customer (as its own CSV import does). Set ${DEFAULT_SUBSIDIARY_PARAM} to the internal id of the subsidiary new customers belong to, or have HotWax send a subsidiary column. Until then every such row is reported as MISSING_SUBSIDIARY.`);
      if (opts.defaultSubsidiary &&
          (!/^\d+$/.test(opts.defaultSubsidiary) ||
              (opts.oneWorld && !deps.customers.subsidiaryExists(opts.defaultSubsidiary))))
          setupError(run, deps, 'bad-default-subsidiary', 'HC_SC_ImportCustomer setup: the default subsidiary does not exist', `The script parameter ${DEFAULT_SUBSIDIARY_PARAM} is "${opts.defaultSubsidiary}", which is not the internal id of a subsidiary: enter one (Setup > Company > Subsidiaries) or clear it. Rows without a subsidiary are reported as INVALID_KEY_OR_REF.`);
      const verdicts = [];
      let pendingChars = state.errors.reduce((n, e) => n + storedSize(e), 0);
      const fail = (line, hcCustomerId, code, message, missingRequired) => {
          const e = { line, hcCustomerId, code, message: storedMessage(message), missingRequired };
          state.errors.push(e);
          pendingChars += storedSize(e);
          tally('errors');
          if (opts.dryRun)
              verdicts.push({ line, hcCustomerId, outcome: 'error', customerId: '', code, message });
      };
      // Malformed records (unclosed quote, wrong column count...) are errors of their own line.
      const problemsFrom = Math.max(state.line, (_b = state.problemsThrough) !== null && _b !== void 0 ? _b : 0);
      for (const p of parsed.problems) {
          if (p.lineNumber <= problemsFrom)
              continue;
          fail(p.lineNumber, '', p.code, p.message, false);
          state.problemsThrough = Math.max((_c = state.problemsThrough) !== null && _c !== void 0 ? _c : 0, p.lineNumber);
      }
      const rows = parsed.rows.filter((r) => r.lineNumber > state.line);
      const blocked = () => ({ name, outcome: 'blocked', counts: state.counts, lines });
      /** Writes the errors so far as the next report part and keeps only what the end needs. */
      const spill = () => {
          var _a, _b;
          const part = ((_a = state.reportParts) !== null && _a !== void 0 ? _a : 0) + 1;
          const errors = [...state.errors].sort((a, b) => a.line - b.line);
          const report = toReportCsv(ERROR_REPORT_HEADER, errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]));
          const partName = reportName(name, state, `-errors-${part}.csv`, entry, false);
          if (!writeInto(SFTP_FOLDERS.customerFeedError, name, () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, partName, report), deps, run))
              return false;
          state.missingLines = [
              ...((_b = state.missingLines) !== null && _b !== void 0 ? _b : []),
              ...errors.filter((e) => e.missingRequired).map((e) => e.line),
          ];
          state.reportParts = part;
          state.errors = [];
          pendingChars = 0;
          return true;
      };
      for (let i = 0; i < rows.length;) {
          // A dry run keeps back what writing its verdict file costs.
          // A real run with many errors kept keeps back what writing them out as a report part costs.
          const reserve = opts.dryRun
              ? REPORT_UNITS
              : UNITS.customRecordSubmitFields + (pendingChars > SPILL_AT_CHARS / 2 ? REPORT_UNITS : 0);
          const affordable = decider.rowUnits > 0
              ? deps.budget.howMany(decider.rowUnits, 2 * UNITS.searchPage + reserve)
              : deps.budget.canAfford(reserve)
                  ? opts.batchSize
                  : 0;
          if (affordable < 1) {
              if (opts.dryRun)
                  writeVerdicts(name, dryRunName, verdicts, deps, rows[i].lineNumber);
              return { name, outcome: 'in progress', counts: state.counts, lines };
          }
          const batch = rows.slice(i, i + Math.min(opts.batchSize, affordable));
          const prepared = batch.map((r) => ({
              row: r,
              customer: toNewCustomer(r.values, r.extra, opts, r.fields, parsed.header),
          }));
          const decide = decider.begin(prepared);
          // Not decided (the map/reduce lacks an outcome): left as it is, for the scheduled path.
          if (!decide)
              return { name, outcome: 'in progress', counts: state.counts, lines };
          for (const p of prepared) {
              const { row } = p;
              const hcCustomerId = ((_d = row.values.HCCustomerId) !== null && _d !== void 0 ? _d : '').trim();
              const outcome = decide(p);
              if (outcome.kind === 'error')
                  fail(row.lineNumber, hcCustomerId, outcome.code, outcome.message, outcome.missingRequired);
              else {
                  tally(outcome.kind);
                  if (opts.dryRun)
                      verdicts.push({
                          line: row.lineNumber,
                          hcCustomerId,
                          outcome: outcome.kind === 'created' ? 'create' : outcome.kind === 'linked' ? 'link' : 'already linked',
                          customerId: outcome.customerId,
                          code: '',
                          message: '',
                      });
              }
              state.line = row.lineNumber;
          }
          i += batch.length;
          if (i < rows.length) {
              if (!opts.dryRun && pendingChars > SPILL_AT_CHARS && !spill())
                  return blocked();
              save(state);
          }
      }
      const handledLines = parsed.rows.reduce((n, r) => n + r.endLine - r.lineNumber + 1, 0) +
          parsed.problems.filter((p) => p.lineNumber > parsed.headerLine).length;
      const blankLines = Math.max(0, lines - handledLines);
      if (opts.dryRun) {
          writeVerdicts(name, dryRunName, verdicts, deps, null);
          return { name, outcome: 'checked', counts: state.counts, lines, blankLines };
      }
      // Every row is handled: reports first, then the archive move, so nothing is archived early.
      const parts = (_e = state.reportParts) !== null && _e !== void 0 ? _e : 0;
      const needsMissing = ((_g = (_f = state.missingLines) === null || _f === void 0 ? void 0 : _f.length) !== null && _g !== void 0 ? _g : 0) > 0;
      if (!deps.budget.canAfford(finishUnits(state.errors) + (needsMissing ? REPORT_UNITS : 0))) {
          if (pendingChars > SPILL_AT_CHARS && deps.budget.canAfford(REPORT_UNITS) && !spill())
              return blocked();
          save(state);
          return { name, outcome: 'in progress', counts: state.counts, lines };
      }
      if (state.errors.length > 0 || parts > 0) {
          const errors = [...state.errors].sort((a, b) => a.line - b.line);
          const lastName = parts > 0 ? reportName(name, state, `-errors-${parts + 1}.csv`, entry, false) : errorsName;
          const report = toReportCsv(ERROR_REPORT_HEADER, errors.map((e) => [name, e.line, e.hcCustomerId, e.code, e.message]));
          if (errors.length > 0 &&
              !writeInto(SFTP_FOLDERS.customerFeedError, name, () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedError, lastName, report), deps, run))
              return blocked();
          const missingLines = new Set([
              ...((_h = state.missingLines) !== null && _h !== void 0 ? _h : []),
              ...errors.filter((e) => e.missingRequired).map((e) => e.line),
          ]);
          if (missingLines.size > 0) {
              const original = parsed.rows.filter((r) => missingLines.has(r.lineNumber));
              const missing = toReportCsv(parsed.header, original.map((r) => r.fields));
              if (!writeInto(SFTP_FOLDERS.customerFeedMissing, name, () => deps.feeds.writeReport(SFTP_FOLDERS.customerFeedMissing, reportName(name, state, '.csv', entry, false), missing), deps, run))
                  return blocked();
          }
          const first = errors[0];
          deps.log.error(`Customer feed ${name}: ${state.counts.errors} row(s) not imported`, `see ${SFTP_FOLDERS.customerFeedError}/${parts > 0 ? reportName(name, state, '-errors-*.csv', entry, false) : errorsName}; ${lines} line(s) after the header: ${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} error(s), ${blankLines} blank${first ? `; line ${first.line} ${first.code} ${first.message}` : ''}`);
      }
      let movedTo = '';
      if (!writeInto(SFTP_FOLDERS.customerFeedArchive, name, () => {
          var _a;
          movedTo = deps.feeds.moveFeed(name, SFTP_FOLDERS.customerFeedArchive, `${shortStem(name)}-${(_a = state.tag) !== null && _a !== void 0 ? _a : uniqueSuffix()}.csv`);
      }, deps, run))
          return blocked();
      return { name, outcome: 'archived', movedTo, counts: state.counts, lines, blankLines };
  }
  function setupError(run, deps, key, title, details) {
      if (run.setupReported.has(key))
          return;
      run.setupReported.add(key);
      deps.log.error(title, details);
  }
  /** The dry run's verdict file; `uncheckedFrom` closes a partial check (out of governance) with a line saying so. */
  function writeVerdicts(name, fileName, verdicts, deps, uncheckedFrom) {
      const rows = [...verdicts]
          .sort((a, b) => a.line - b.line)
          .map((v) => [name, v.line, v.hcCustomerId, v.outcome, v.customerId, v.code, v.message]);
      if (uncheckedFrom !== null)
          rows.push([
              name,
              uncheckedFrom,
              '',
              'not checked',
              '',
              'DRY_RUN_INCOMPLETE',
              `this execution's usage ran out: lines from ${uncheckedFrom} on were not checked`,
          ]);
      deps.feeds.writeReport(DRY_RUN_FOLDER, fileName, toReportCsv(DRY_RUN_HEADER, rows));
  }
  /** The scheduled path: one candidate search per batch, then each row upserted in line order. */
  function upserting(deps, opts) {
      return {
          rowUnits: ROW_UNITS,
          begin(batch) {
              const valid = batch.map((p) => p.customer).filter((c) => !isProblem(c));
              const index = new CandidateIndex(valid.length ? deps.customers.findCandidates(matchKeys(valid, opts.matchByEmail)) : []);
              return (p) => decideRow(p, index, deps, opts);
          },
      };
  }
  /**
   * One row against the candidates NetSuite holds (and the customers created for earlier rows of the
   * same batch or reduce key): a rejected row gets every problem, references included; a valid one is
   * upserted. Shared by the scheduled path and the map/reduce's reduce stage.
   */
  function decideRow(p, index, deps, opts) {
      const { row, customer } = p;
      if (isProblem(customer)) {
          const value = (k) => { var _a; return ((_a = row.values[k]) !== null && _a !== void 0 ? _a : '').trim(); };
          const all = rejection([
              ...customer.problems,
              ...referenceProblems(value('status'), value('subsidiary') || opts.defaultSubsidiary, value('accountSource'), deps),
          ]);
          return { kind: 'error', code: all.code, message: all.message, missingRequired: all.missingRequired };
      }
      const outcome = upsert(customer, index, deps, opts);
      return outcome.kind === 'error' ? { ...outcome, missingRequired: false } : outcome;
  }
  function upsert(row, index, deps, opts) {
      var _a;
      const decision = index.decide(row, opts.matchByEmail);
      const stamp = deps.now();
      try {
          switch (decision.kind) {
              case 'conflict':
                  return {
                      kind: 'error',
                      code: 'LINKED_TO_OTHER_HC_CUSTOMER',
                      message: `NetSuite customer ${decision.customer.id} (matched by ${decision.matchedBy}) is already linked to HotWax customer ${decision.customer.hcCustomerId}`,
                  };
              case 'alreadyLinked': {
                  const stale = decision.customer.stamp === null || stamp - decision.customer.stamp > opts.restampAfterMs;
                  const fill = { ...decision.fill };
                  if (Object.keys(fill).length > 0 || stale) {
                      // HotWax re-sends a customer until its NetSuite id arrives: a fresh stamp re-exports it.
                      if (!opts.dryRun)
                          deps.customers.update(decision.customer.id, { ...fill, [CUSTOMER_FIELDS.syncStamp]: stamp });
                      index.update(decision.customer, fromFill(fill, stamp));
                  }
                  return { kind: 'alreadyLinked', customerId: decision.customer.id };
              }
              case 'link': {
                  if (!opts.dryRun)
                      deps.customers.update(decision.customer.id, {
                          ...decision.fill,
                          [CUSTOMER_FIELDS.syncStamp]: stamp,
                      });
                  index.update(decision.customer, fromFill(decision.fill, stamp));
                  return { kind: 'linked', customerId: decision.customer.id };
              }
              case 'create': {
                  // References are checked here in both modes, so a dry run's verdict is the real run's.
                  const refs = referenceProblems(row.statusName, row.subsidiary, row.leadSource, deps);
                  if (refs.length) {
                      const r = rejection(refs);
                      return { kind: 'error', code: r.code, message: r.message };
                  }
                  const statusId = row.statusName ? ((_a = deps.customers.statusId(row.statusName)) !== null && _a !== void 0 ? _a : '') : '';
                  const id = opts.dryRun ? '' : deps.customers.create(row, statusId, stamp);
                  index.add({
                      id,
                      hcCustomerId: row.hcCustomerId,
                      externalId: row.externalId,
                      shopifyCustomerId: row.shopifyCustomerId,
                      email: row.email,
                      inactive: false,
                      stamp,
                  });
                  return { kind: 'created', customerId: id };
              }
          }
      }
      catch (e) {
          const { code, message } = describeError(e);
          if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
              throw e;
          return { kind: 'error', code, message };
      }
  }
  /**
   * The list values a row refers to that NetSuite does not have: entity status (by name), subsidiary
   * and lead source (by internal id). Checked before every create, and for a row refused for other
   * reasons too, so its report lists every problem.
   */
  function referenceProblems(statusName, subsidiary, leadSource, deps) {
      const out = [];
      if (statusName && !deps.customers.statusId(statusName))
          out.push({
              code: 'UNKNOWN_STATUS',
              message: `entity status "${statusName}" does not exist in NetSuite`,
              missingRequired: false,
          });
      if (/^\d+$/.test(subsidiary) && !deps.customers.subsidiaryExists(subsidiary))
          out.push({
              code: 'INVALID_KEY_OR_REF',
              message: `Invalid subsidiary reference key ${subsidiary}.`,
              missingRequired: false,
          });
      if (/^-?\d+$/.test(leadSource) && deps.customers.leadSourceExists(leadSource) === false)
          out.push({
              code: 'INVALID_KEY_OR_REF',
              message: `Invalid leadsource reference key ${leadSource} (accountSource).`,
              missingRequired: false,
          });
      return out;
  }
  function fromFill(fill, stamp) {
      const out = { stamp };
      if (fill.custentity_hc_customer_id)
          out.hcCustomerId = fill.custentity_hc_customer_id;
      if (fill.custentity_hc_shop_cust_id)
          out.shopifyCustomerId = fill.custentity_hc_shop_cust_id;
      if (fill.externalid)
          out.externalId = fill.externalid;
      return out;
  }
  function matchKeys(rows, byEmail) {
      const uniq = (xs) => [...new Set(xs.filter(Boolean))];
      return {
          hcCustomerIds: uniq(rows.map((r) => r.hcCustomerId)),
          externalIds: uniq(rows.map((r) => r.externalId)),
          shopifyCustomerIds: uniq(rows.map((r) => r.shopifyCustomerId)),
          emails: byEmail ? uniq(rows.map((r) => r.email.toLowerCase())) : [],
      };
  }
  /**
   * Not a CSV text at all: bytes that are not UTF-8 (or UTF-16, or binary) show up in the header
   * already, or in most lines. One line with a bad character is that row's error (INVALID_CHARACTER),
   * not the file's.
   */
  function unreadableReason(text) {
      if (!text.replace(/^\uFEFF/, '').trim())
          return 'the file is empty';
      const lines = text.split(/\r\n|\n|\r/).filter((l) => l !== '');
      const bad = (l) => l.indexOf('\u0000') >= 0 || l.indexOf('\uFFFD') >= 0;
      if (bad(lines[0]))
          return lines[0].indexOf('\u0000') >= 0
              ? 'the file is binary (or UTF-16), not a UTF-8 CSV text: its header holds NUL characters'
              : 'the file is not UTF-8 encoded: its header holds bytes that are not UTF-8';
      const badLines = lines.filter(bad).length;
      if (lines.length >= 4 && badLines * 2 > lines.length)
          return `the file is not UTF-8 encoded (or is binary): ${badLines} of its ${lines.length} lines hold bytes that are not UTF-8 or NUL`;
      return null;
  }

  const MR_IMPORT = {
      scriptId: 'customscript_hc_mr_import_customer',
      deploymentId: 'customdeploy_hc_mr_import_customer',
  };
  /**
   * Default of custscript_hc_imp_mr_min_rows: one 10,000-unit scheduled execution creates about 630
   * customers (15.8 units each, bench/README.md), so a backlog of 600 rows or more would need a second
   * execution on the scheduled path.
   */
  const DEFAULT_HANDOFF_ROWS = 600;
  /**
   * Feeds one handoff takes: summarize downloads each again and writes its reports and archive move
   * (about 250 units for a feed with errors), well inside its 10,000 units; getInputData downloads each
   * (100) and searches 500 rows at a time (10 units per 1,000 matches).
   */
  const MAX_HANDOFF_FEEDS = 25;
  /** Rows per reduce key: whole groups only, so a key is a few seconds of work and a restart redoes little. */
  const ROWS_PER_KEY = 20;
  /** Rows per candidate search in getInputData. */
  const ROWS_PER_SEARCH = 500;
  /**
   * Rows one group may hold: a group is one reduce invocation (5,000 units), 30 units a row at worst
   * (create and save, twice for an entity id clash). A larger group (hundreds of rows sharing an email,
   * say) is left to the scheduled path, which handles any number of related rows in sequence.
   */
  const MAX_GROUP_ROWS = 150;
  /** The import's settings in the map/reduce: the scheduled script's parameter values at the handoff. */
  function handoffOptions(h, oneWorld, fieldMap, executionId) {
      return {
          oneWorld,
          defaultSubsidiary: h.settings.defaultSubsidiary,
          fieldMap,
          matchByEmail: h.settings.matchByEmail,
          dryRun: false,
          batchSize: 50,
          executionId,
          deploymentId: MR_IMPORT.deploymentId,
          restampAfterMs: 60 * 60 * 1000,
      };
  }
  /** The handoff this deployment holds the lease for, or null. */
  function heldHandoff(state) {
      var _a;
      return (state === null || state === void 0 ? void 0 : state.handoff) && ((_a = state.lease) === null || _a === void 0 ? void 0 : _a.deploymentId) === MR_IMPORT.deploymentId ? state.handoff : null;
  }
  class UnionFind {
      constructor() {
          this.parent = new Map();
      }
      find(x) {
          let root = x;
          for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root))
              root = p;
          if (!this.parent.has(x))
              this.parent.set(x, x);
          // Path compression keeps large feeds near-linear.
          for (let cur = x; cur !== root;) {
              const next = this.parent.get(cur);
              this.parent.set(cur, root);
              cur = next;
          }
          return root;
      }
      union(a, b) {
          const ra = this.find(a);
          const rb = this.find(b);
          if (ra !== rb)
              this.parent.set(ra, rb);
      }
  }
  /**
   * The keys by which two rows could resolve to one customer. Compared ignoring case, as NetSuite's
   * search compares them: grouping too much is harmless, too little would let two processors race.
   */
  function keyNodes(c, byEmail) {
      const out = [];
      if (c.hcCustomerId)
          out.push(`h:${c.hcCustomerId.toLowerCase()}`);
      if (c.externalId)
          out.push(`x:${c.externalId.toLowerCase()}`);
      if (c.shopifyCustomerId)
          out.push(`s:${c.shopifyCustomerId.toLowerCase()}`);
      if (byEmail && c.email)
          out.push(`m:${c.email.toLowerCase()}`);
      return out;
  }
  const pad = (n, width) => String(n).padStart(width, '0');
  /** Reduce keys sort as text: feed and line padded, so key order is the scheduled path's order. */
  const batchKey = (feed, line) => `${pad(feed, 3)}-${pad(line, 9)}`;
  /**
   * getInputData: the handed feeds read, their rows validated and grouped into reduce keys. Feeds the
   * map/reduce cannot take (they fail to download or parse now: the scheduled path reports them as it
   * reports any such feed) are given back.
   */
  function planHandoff(h, deps, opts) {
      var _a;
      const givenBack = [];
      const listed = new Map(deps.feeds.list().map((e) => [e.name, e]));
      const rows = [];
      const headers = {};
      h.feeds.forEach((f, feed) => {
          var _a;
          if (h.done.includes(f.name))
              return;
          // Gone: archived by an earlier attempt's summarize (which then marks it done), or removed.
          const entry = listed.get(f.name);
          if (!entry)
              return;
          if (entry.directory || ((_a = entry.size) !== null && _a !== void 0 ? _a : 0) > SFTP_MAX_FILE_SIZE) {
              givenBack.push({ ...f, reason: 'not a file within N/sftp limits' });
              return;
          }
          let text;
          try {
              text = deps.feeds.download(f.name);
          }
          catch (e) {
              const { code, message } = describeError(e);
              if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
                  throw e;
              givenBack.push({ ...f, reason: `cannot be downloaded (${code}: ${message})` });
              return;
          }
          const parsed = unreadableReason(text) ? null : readCustomerFeed(text, f.name);
          if (!parsed || parsed.missingColumns.includes('HCCustomerId')) {
              givenBack.push({ ...f, reason: 'not a readable customer feed' });
              return;
          }
          headers[feed] = parsed.header;
          for (const r of parsed.rows) {
              const c = toNewCustomer(r.values, r.extra, opts, r.fields, parsed.header);
              rows.push({
                  row: {
                      feed,
                      line: r.lineNumber,
                      endLine: r.endLine,
                      values: r.values,
                      extra: r.extra,
                      fields: r.fields,
                  },
                  customer: isProblem(c) ? null : c,
              });
          }
      });
      // The customers any row could match, read before any write: the reduce stage's starting point.
      const valid = rows.map((r) => r.customer).filter((c) => c !== null);
      const candidates = new Map();
      for (let i = 0; i < valid.length; i += ROWS_PER_SEARCH)
          for (const c of deps.customers.findCandidates(matchKeys(valid.slice(i, i + ROWS_PER_SEARCH), opts.matchByEmail)))
              candidates.set(c.id, c);
      const uf = new UnionFind();
      rows.forEach((r, i) => {
          uf.find(`r:${i}`);
          if (r.customer)
              for (const k of keyNodes(r.customer, opts.matchByEmail))
                  uf.union(`r:${i}`, k);
      });
      for (const c of candidates.values())
          for (const k of keyNodes(c, opts.matchByEmail))
              uf.union(`c:${c.id}`, k);
      // Groups in the order of their first row (rows are in feed and line order already).
      const groups = new Map();
      rows.forEach((r, i) => {
          var _a;
          const root = uf.find(`r:${i}`);
          const g = (_a = groups.get(root)) !== null && _a !== void 0 ? _a : { rows: [], candidates: [] };
          g.rows.push(r.row);
          groups.set(root, g);
      });
      for (const c of candidates.values())
          (_a = groups.get(uf.find(`c:${c.id}`))) === null || _a === void 0 ? void 0 : _a.candidates.push(c);
      const tooLarge = [...groups.values()].find((g) => g.rows.length > MAX_GROUP_ROWS);
      if (tooLarge) {
          const first = tooLarge.rows[0];
          const reason = `${tooLarge.rows.length} rows could resolve to one customer (first: ${h.feeds[first.feed].name} line ${first.line}); one reduce takes at most ${MAX_GROUP_ROWS}`;
          const back = h.feeds.filter((f, i) => !h.done.includes(f.name) && headers[i] !== undefined);
          return { batches: {}, givenBack: [...givenBack, ...back.map((f) => ({ ...f, reason }))], rows: 0 };
      }
      const batches = {};
      let current = null;
      for (const g of groups.values()) {
          if (!current || current.rows.length + g.rows.length > ROWS_PER_KEY) {
              current = { rows: [], headers: {}, candidates: [] };
              batches[batchKey(g.rows[0].feed, g.rows[0].line)] = current;
          }
          current.rows.push(...g.rows);
          current.candidates.push(...g.candidates);
      }
      for (const b of Object.values(batches)) {
          b.rows.sort((a, c) => a.feed - c.feed || a.line - c.line);
          for (const r of b.rows)
              b.headers[r.feed] = headers[r.feed];
      }
      return { batches, givenBack, rows: rows.length };
  }
  /**
   * reduce: one key's rows in the scheduled path's order, each through `decideRow`. `restarted`: an
   * earlier attempt of this key may have saved some of these customers already; they are found by HC id
   * (absent from the snapshot taken before any write) and reported as created, not created again.
   */
  function reduceBatch(batch, customers, now, opts, restarted) {
      let store = customers;
      if (restarted) {
          const hcIds = [...new Set(batch.rows.map((r) => { var _a; return ((_a = r.values.HCCustomerId) !== null && _a !== void 0 ? _a : '').trim(); }).filter(Boolean))];
          const known = new Set(batch.candidates.map((c) => c.id));
          const saved = new Map();
          if (hcIds.length)
              for (const c of customers.findCandidates({
                  hcCustomerIds: hcIds,
                  externalIds: [],
                  shopifyCustomerIds: [],
                  emails: [],
              }))
                  if (!known.has(c.id) && !saved.has(c.hcCustomerId))
                      saved.set(c.hcCustomerId, c.id);
          store = Object.create(customers);
          store.create = (c, statusId, stamp) => { var _a; return (_a = saved.get(c.hcCustomerId)) !== null && _a !== void 0 ? _a : customers.create(c, statusId, stamp); };
      }
      const index = new CandidateIndex(batch.candidates.map((c) => ({ ...c })));
      return batch.rows.map((r) => {
          const row = {
              lineNumber: r.line,
              endLine: r.endLine,
              values: r.values,
              extra: r.extra,
              original: {},
              fields: r.fields,
          };
          const customer = toNewCustomer(r.values, r.extra, opts, r.fields, batch.headers[r.feed]);
          return {
              feed: r.feed,
              line: r.line,
              outcome: decideRow({ row, customer }, index, { customers: store, now }, opts),
          };
      });
  }
  /**
   * summarize: each handed feed, in order, through the scheduled path's `importOneFeed` with the reduce
   * stage's outcomes; the checkpoint saved after each feed (a restarted summarize goes on with the next),
   * then the lease given back. A feed that cannot be finished here (an outcome missing because a key
   * failed for good, out of units, a folder that cannot be written) goes back to the scheduled path,
   * keeping its report tag.
   */
  function finishHandoff(deps, state, outcomes, opts, restarted) {
      var _a, _b, _c;
      const h = state.handoff;
      const summary = { files: [], totals: emptyCounts(), paused: false, stalled: false };
      const byFeed = new Map();
      for (const o of outcomes) {
          const m = (_a = byFeed.get(o.feed)) !== null && _a !== void 0 ? _a : new Map();
          // One outcome per line, whatever restarts happened.
          if (!m.has(o.line))
              m.set(o.line, o.outcome);
          byFeed.set(o.feed, m);
      }
      // An earlier attempt (crashed summarize, or a whole run cut short) may have left a temporary report.
      if (restarted || h.attempts > 1)
          for (const folder of [SFTP_FOLDERS.customerFeedError, SFTP_FOLDERS.customerFeedMissing])
              (_c = (_b = deps.feeds).removeLeftovers) === null || _c === void 0 ? void 0 : _c.call(_b, folder);
      const listed = new Map(deps.feeds.list().map((e) => [e.name, e]));
      const run = { reportedFolders: new Set(), setupReported: new Set() };
      const back = [];
      h.feeds.forEach((f, feed) => {
          var _a, _b;
          if (h.done.includes(f.name))
              return;
          const entry = listed.get(f.name);
          if (entry) {
              const fileState = {
                  file: f.name,
                  line: 0,
                  tag: f.tag,
                  errors: [],
                  counts: emptyCounts(),
                  lease: null,
              };
              const tally = (k) => {
                  fileState.counts[k]++;
                  summary.totals[k]++;
              };
              const decided = (_a = byFeed.get(feed)) !== null && _a !== void 0 ? _a : new Map();
              const replay = {
                  rowUnits: 0,
                  begin: (batch) => batch.every((p) => decided.has(p.row.lineNumber)) ? (p) => decided.get(p.row.lineNumber) : null,
              };
              const result = importOneFeed(entry, fileState, deps, opts, () => undefined, tally, run, replay);
              summary.files.push(result);
              if (result.outcome === 'archived' || result.outcome === 'failed') {
                  if ((_b = state.blockedTags) === null || _b === void 0 ? void 0 : _b[f.name]) {
                      const { [f.name]: _, ...rest } = state.blockedTags;
                      state.blockedTags = Object.keys(rest).length ? rest : undefined;
                  }
              }
              else {
                  deps.log.audit(`Customer feed ${f.name} goes back to HC_SC_ImportCustomer`, `${result.outcome}${result.reason ? `: ${result.reason}` : ''}; customers already written are found by their HC customer id`);
                  back.push(f);
              }
          }
          h.done.push(f.name);
          if (back.length)
              returnFeeds(state, back.splice(0));
          deps.checkpoint.save(state);
      });
      delete state.handoff;
      state.lease = null;
      deps.checkpoint.save(state);
      return summary;
  }
  /** getInputData's give-back: the feeds marked done here and left to the scheduled path. */
  function giveBackFromPlan(state, plan) {
      if (!plan.givenBack.length)
          return false;
      const h = state.handoff;
      for (const f of plan.givenBack)
          if (!h.done.includes(f.name))
              h.done.push(f.name);
      returnFeeds(state, plan.givenBack.map(({ name, tag }) => ({ name, tag })));
      return true;
  }

  /**
   * Customers with internal id > `after`, ascending, at most BATCH of them: one ResultSet.each call
   * (10 units for up to 4,000 results, against runPaged's 5 units per 1,000).
   */
  const BATCH = 4000;
  const HEADER_LINE = csvLine([...HISTORICAL_CUSTOMER_HEADER]) + CSV_EOL;
  function utf8Length(s) {
      let n = 0;
      for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c < 0x80)
              n += 1;
          else if (c < 0x800)
              n += 2;
          else if (c >= 0xd800 && c <= 0xdbff) {
              n += 4;
              i++;
          }
          else
              n += 3;
      }
      return n;
  }
  function historicalLine(c) {
      const first = c.firstName || c.companyName;
      return (csvLine([
          first,
          c.lastName,
          c.shopifyCustomerId,
          `SHOPIFY_CUST_ID:${c.shopifyCustomerId}|NETSUITE_CUSTOMER_ID:${c.id}`,
      ]) + CSV_EOL);
  }
  function runHistoricalExport(deps, maxFileBytes) {
      const loaded = deps.checkpoint.load();
      // A finished export is not repeated by a re-run (after a crash past its end, or a second "Save and
      // Execute"): that would put every customer in the folder twice. A new export starts once the
      // administrator clears the checkpoint (the folder's description).
      if (loaded === null || loaded === void 0 ? void 0 : loaded.done)
          return {
              exportedThisExecution: 0,
              exportedTotal: loaded.exported,
              partsWritten: [],
              paused: false,
              finished: true,
              duplicates: [],
              alreadyFinished: true,
          };
      const resumed = !!loaded && !loaded.done;
      const state = resumed
          ? loaded
          : { runStamp: utcStamp(deps.now()), after: '0', nextPart: 1, exported: 0, done: false };
      // A new run's stamp is saved before its first part: a re-run after a crash anywhere later writes
      // the same part names (and so replaces them) instead of a second copy under a new stamp.
      if (!resumed)
          deps.checkpoint.save(state);
      const summary = {
          exportedThisExecution: 0,
          exportedTotal: state.exported,
          partsWritten: [],
          paused: false,
          finished: false,
          duplicates: [],
      };
      let lines = [];
      let bytes = 0;
      let lastId = state.after;
      let pending = 0;
      /** Saves the part being built; the checkpoint follows (not when `last`: the final save covers it). */
      const flush = (last = false) => {
          if (lines.length === 0)
              return;
          const name = `HistoricalShopifyCustomer-${state.runStamp}-part${String(state.nextPart).padStart(4, '0')}.csv`;
          deps.savePart(name, HEADER_LINE + lines.join(''));
          summary.partsWritten.push(name);
          state.after = lastId;
          state.nextPart += 1;
          state.exported += pending;
          summary.exportedThisExecution += pending;
          if (!last)
              deps.checkpoint.save(state);
          lines = [];
          bytes = utf8Length(HEADER_LINE);
          pending = 0;
      };
      bytes = utf8Length(HEADER_LINE);
      const stopCost = UNITS.fileSave + UNITS.folderSubmitFields;
      outer: for (;;) {
          if (!deps.budget.canAfford(UNITS.searchPage + 2 * stopCost)) {
              summary.paused = true;
              break;
          }
          const batch = deps.fetchAfter(lastId);
          for (const c of batch) {
              const line = historicalLine(c);
              const size = utf8Length(line);
              if (lines.length > 0 && bytes + size > maxFileBytes) {
                  flush();
                  if (!deps.budget.canAfford(2 * stopCost)) {
                      summary.paused = true;
                      break outer;
                  }
              }
              lines.push(line);
              bytes += size;
              lastId = c.id;
              pending++;
          }
          if (batch.length < BATCH) {
              summary.finished = true;
              break;
          }
      }
      flush(true);
      summary.exportedTotal = state.exported;
      if (summary.finished) {
          summary.duplicates = deps.duplicates();
          state.done = true;
      }
      deps.checkpoint.save(state);
      return summary;
  }

  /** load 10 + upload 100 + move 10 (+ replace 20) + File Cabinet move (load 10 + save 20). */
  const PER_FILE = UNITS.fileLoad + UNITS.sftpTransfer + 3 * UNITS.sftpOther + UNITS.fileLoad + UNITS.fileSave;
  function runHistoricalUpload(deps) {
      const files = deps.listFiles();
      const summary = { uploaded: [], failed: [], remaining: 0, paused: false };
      for (let i = 0; i < files.length; i++) {
          const f = files[i];
          if (!deps.budget.canAfford(PER_FILE)) {
              summary.paused = true;
              summary.remaining = files.length - i;
              break;
          }
          try {
              deps.upload(SFTP_FOLDERS.historical, f.name, deps.load(f.id));
          }
          catch (e) {
              const { code, message } = describeError(e);
              if (code === 'SSS_USAGE_LIMIT_EXCEEDED')
                  throw e;
              summary.failed.push({ name: f.name, code, message });
              continue;
          }
          deps.archive(f.id);
          summary.uploaded.push(f.name);
      }
      return summary;
  }

  /**
   * HC_MR_ExportedCustomerCSV's logic: the NetSuite internal id of every customer with an HC customer
   * id goes back to HotWax as party identifications (hotwax-contracts.md 2b), at least once, whatever
   * its internal id or creation date and however it got its HC id.
   *
   * Selection, numbers only (custentity_hc_sync_stamp, epoch ms), so no date format or time zone is
   * involved:
   * - stamped customers with a stamp in (stampAfter, stampUpTo], where stampUpTo = start - settle time
   *   so an import still saving is caught by the next run (the import stamps what it creates or links);
   * - every customer with an HC id and NO stamp, whatever its internal id (HotWax's own CSV import, a UI
   *   edit, an admin's CSV import, another script). The export stamps these with its own stampUpTo
   *   (map stage, 5 units each, once per customer ever), so the next run does not send them again,
   *   and a run that fails before its files are uploaded is re-selected by the range.
   * The cursor advances only after every file is on the server (HotWax's import is add-or-update, so a
   * re-sent line is harmless).
   */
  function planRun(state, deploymentId, now, settleMs) {
      var _a, _b, _c, _d, _e, _f;
      const committed = { stampAfter: (_b = (_a = state === null || state === void 0 ? void 0 : state.committed) === null || _a === void 0 ? void 0 : _a.stampAfter) !== null && _b !== void 0 ? _b : 0 };
      // A pending run of this deployment is one that never finished (NetSuite runs a deployment once at a
      // time): what it may have left on the server is cleaned up by this run.
      const crashed = (_c = state === null || state === void 0 ? void 0 : state.pending) === null || _c === void 0 ? void 0 : _c[deploymentId];
      const leftovers = [...((_d = crashed === null || crashed === void 0 ? void 0 : crashed.leftovers) !== null && _d !== void 0 ? _d : []), ...((_e = crashed === null || crashed === void 0 ? void 0 : crashed.files) !== null && _e !== void 0 ? _e : [])];
      const run = {
          ...committed,
          stampUpTo: Math.max(committed.stampAfter, now - settleMs),
          startedAt: now,
      };
      if (leftovers.length)
          run.leftovers = leftovers;
      return { committed, pending: { ...((_f = state === null || state === void 0 ? void 0 : state.pending) !== null && _f !== void 0 ? _f : {}), [deploymentId]: run } };
  }
  /**
   * After a successful upload: the next run starts where this one ended. A run's range starts at the
   * cursor committed when it was planned, and the cursor only grows, so taking the larger end never
   * skips a customer, whichever of two concurrent runs commits first.
   */
  function commitRun(state, deploymentId) {
      const run = state.pending[deploymentId];
      if (!run)
          return state;
      const pending = { ...state.pending };
      delete pending[deploymentId];
      return { committed: { stampAfter: Math.max(state.committed.stampAfter, run.stampUpTo) }, pending };
  }
  /** Party identification files, each at most `maxRows` customers, sorted by internal id. */
  function partyIdentificationFiles(customers, maxRows) {
      const sorted = [...customers].sort((a, b) => Number(a.id) - Number(b.id));
      const files = [];
      for (let i = 0; i < sorted.length; i += maxRows) {
          const rows = sorted.slice(i, i + maxRows).map((c) => [c.hcCustomerId, 'NETSUITE_CUSTOMER_ID', c.id]);
          files.push(toCsv([...PARTY_IDENTIFICATION_HEADER], rows));
      }
      return files;
  }

  const RUN_RECORD = {
      type: 'customrecord_hc_sync_run',
      script: 'custrecord_hc_run_script',
      deployment: 'custrecord_hc_run_deployment',
      ended: 'custrecord_hc_run_ended',
      outcome: 'custrecord_hc_run_outcome',
      errors: 'custrecord_hc_run_errors',
      summary: 'custrecord_hc_run_summary',
  };
  const RUN_HISTORY = {
      keepDays: 30,
      /** Expired entries deleted per execution: more than the one it adds, so the backlog shrinks. */
      prunePerRun: 2,
      /** Error rows kept in one entry at most (the full report stays on SFTP). */
      maxErrorRows: 200,
      /**
       * Search results cut text columns at 4,000 bytes (netsuite-facts.md), and the page reads the
       * summary through a search: the stored JSON stays below this, dropping error rows (then feed
       * results) that do not fit and saying how many were left out.
       */
      maxSummaryBytes: 3900,
  };
  /** UTF-8 length without Buffer or TextEncoder (neither is in NetSuite's server runtime). */
  function utf8Bytes(s) {
      return encodeURIComponent(s).replace(/%[0-9A-F]{2}/gi, 'x').length;
  }
  /** The summary as stored: as many error rows (and feed results) as fit in a search column. */
  function storedSummary(summary, errorRows) {
      const rows = errorRows.slice(0, RUN_HISTORY.maxErrorRows);
      const files = Array.isArray(summary.fileResults) ? [...summary.fileResults] : null;
      const text = () => JSON.stringify({
          ...summary,
          ...(files ? { fileResults: files } : {}),
          errorRows: rows,
          ...(rows.length < errorRows.length ? { errorRowsOmitted: errorRows.length - rows.length } : {}),
          ...(files && files.length < summary.fileResults.length
              ? { fileResultsOmitted: summary.fileResults.length - files.length }
              : {}),
      });
      let out = text();
      while (utf8Bytes(out) > RUN_HISTORY.maxSummaryBytes && rows.length > 0) {
          rows.splice(Math.max(0, Math.floor(rows.length * 0.8)));
          out = text();
      }
      while (utf8Bytes(out) > RUN_HISTORY.maxSummaryBytes && files && files.length > 0) {
          files.pop();
          out = text();
      }
      return out;
  }
  /**
   * Writes this execution's entry, then (unless it rescheduled itself) deletes up to two entries older
   * than 30 days. Never throws:
   * a history that cannot be written must not fail the sync (the AUDIT summary line is still there).
   */
  function recordRun(m, script, summary, extra = {}) {
      var _a, _b, _c, _d, _e;
      const now = (_a = extra.now) !== null && _a !== void 0 ? _a : Date.now();
      const rows = (_b = extra.errorRows) !== null && _b !== void 0 ? _b : [];
      const outcome = (_c = extra.outcome) !== null && _c !== void 0 ? _c : (summary.failed === true ? 'failed' : summary.rescheduled ? 'rescheduled' : 'complete');
      const out = { written: false, pruned: 0 };
      try {
          if (script.getRemainingUsage() < 6)
              throw new Error('not enough units left to write the entry');
          const rec = m.record.create({ type: RUN_RECORD.type });
          rec.setValue({ fieldId: RUN_RECORD.script, value: script.id });
          rec.setValue({ fieldId: RUN_RECORD.deployment, value: script.deploymentId });
          rec.setValue({ fieldId: RUN_RECORD.ended, value: now });
          rec.setValue({ fieldId: RUN_RECORD.outcome, value: outcome });
          rec.setValue({ fieldId: RUN_RECORD.errors, value: rows.length });
          rec.setValue({ fieldId: RUN_RECORD.summary, value: storedSummary(summary, rows) });
          rec.save();
          out.written = true;
          // A rescheduled execution leaves the pruning to the next one, which starts with fresh units.
          if (outcome === 'rescheduled' || script.getRemainingUsage() < 10 + 4)
              return out;
          const expired = m.search
              .create({
              type: RUN_RECORD.type,
              filters: [[RUN_RECORD.ended, 'lessthan', now - RUN_HISTORY.keepDays * 86400000]],
              columns: [m.search.createColumn({ name: RUN_RECORD.ended, sort: m.search.Sort.ASC })],
          })
              .run()
              .getRange({ start: 0, end: RUN_HISTORY.prunePerRun });
          for (const r of expired) {
              if (script.getRemainingUsage() < 4)
                  break;
              m.record.delete({ type: RUN_RECORD.type, id: r.id });
              out.pruned++;
          }
      }
      catch (e) {
          (_d = m.log) === null || _d === void 0 ? void 0 : _d.audit({
              title: 'Run history not written',
              details: `${(_e = e === null || e === void 0 ? void 0 : e.message) !== null && _e !== void 0 ? _e : String(e)}. The AUDIT summary above is the record of this execution.`,
          });
      }
      return out;
  }
  /** The latest entries, newest first (one search page: 10 units). */
  function latestRuns(search, filter, count) {
      const filters = [];
      if (filter.scriptId)
          filters.push([RUN_RECORD.script, 'is', filter.scriptId]);
      if (filter.withErrors) {
          if (filters.length)
              filters.push('AND');
          filters.push([RUN_RECORD.errors, 'greaterthan', 0]);
      }
      const rows = search
          .create({
          type: RUN_RECORD.type,
          filters: filters,
          columns: [
              search.createColumn({ name: RUN_RECORD.ended, sort: search.Sort.DESC }),
              RUN_RECORD.script,
              RUN_RECORD.deployment,
              RUN_RECORD.outcome,
              RUN_RECORD.errors,
              RUN_RECORD.summary,
          ],
      })
          .run()
          .getRange({ start: 0, end: count });
      return rows.map((r) => {
          var _a, _b, _c, _d;
          let summary = {};
          try {
              summary = JSON.parse(String(r.getValue({ name: RUN_RECORD.summary }) || '{}'));
          }
          catch {
              summary = { text: String((_a = r.getValue({ name: RUN_RECORD.summary })) !== null && _a !== void 0 ? _a : '') };
          }
          return {
              id: String(r.id),
              scriptId: String((_b = r.getValue({ name: RUN_RECORD.script })) !== null && _b !== void 0 ? _b : ''),
              deploymentId: String((_c = r.getValue({ name: RUN_RECORD.deployment })) !== null && _c !== void 0 ? _c : ''),
              ended: Number(r.getValue({ name: RUN_RECORD.ended })) || 0,
              outcome: (_d = String(r.getValue({ name: RUN_RECORD.outcome }) || 'complete')) !== null && _d !== void 0 ? _d : 'complete',
              errorCount: Number(r.getValue({ name: RUN_RECORD.errors })) || 0,
              summary,
          };
      });
  }
  /** The rows of an error report (fileName,lineNumber,HCCustomerId,errorCode,errorMessage). */
  function parseErrorReport(csv) {
      var _a, _b;
      const { records } = parseCsvRecords(csv);
      const header = (_b = (_a = records[0]) === null || _a === void 0 ? void 0 : _a.fields) !== null && _b !== void 0 ? _b : [];
      const at = (name) => header.indexOf(name);
      const idx = ERROR_REPORT_HEADER.map((h) => at(h));
      if (idx.some((i) => i < 0))
          return [];
      return records.slice(1).map((r) => {
          var _a, _b, _c, _d;
          return ({
              fileName: (_a = r.fields[idx[0]]) !== null && _a !== void 0 ? _a : '',
              lineNumber: Number(r.fields[idx[1]]) || 0,
              hcCustomerId: (_b = r.fields[idx[2]]) !== null && _b !== void 0 ? _b : '',
              errorCode: (_c = r.fields[idx[3]]) !== null && _c !== void 0 ? _c : '',
              errorMessage: (_d = r.fields[idx[4]]) !== null && _d !== void 0 ? _d : '',
          });
      });
  }
  /**
   * A feed folder that also keeps the error reports the import writes (no extra units: the text is
   * in hand), so the run history can show the rejected rows without reading SFTP again.
   */
  function capturingReports(feeds) {
      const errorRows = [];
      return {
          errorRows,
          feeds: observingReports(feeds, (_folder, name, csv) => {
              if (/-errors(-\d+)?\.csv$/.test(name))
                  errorRows.push(...parseErrorReport(csv).map((r) => ({ ...r, report: name })));
          }),
      };
  }

  /** The scripts of the sync, in the order of HotWax's flow. */
  const SYNC_SCRIPTS = [
      {
          key: 'generate',
          name: 'HC_SC_GenerateHistoricalCustomerCSV',
          scriptId: 'customscript_generate_hist_shop_customer',
      },
      {
          key: 'upload',
          name: 'HC_SC_UploadHistoricalCustomerCSV',
          scriptId: 'customscript_upload_hist_shop_customer',
      },
      { key: 'import', name: 'HC_SC_ImportCustomer', scriptId: 'customscript_imp_customer' },
      { key: 'export', name: 'HC_MR_ExportedCustomerCSV', scriptId: 'customscript_export_customer' },
  ];
  /** The on-demand deployments the page's "run now" actions submit (HotWax's job manager uses them too). */
  const ON_DEMAND = {
      import: { scriptId: 'customscript_imp_customer', deploymentId: 'customdeploy_imp_customer_rest' },
      export: { scriptId: 'customscript_export_customer', deploymentId: 'customdeploy_export_customer_rest' },
  };
  /** Repeat interval of the scheduled deployments this project ships (src/Objects). */
  const SHIPPED_REPEAT_MINUTES = {
      customdeploy1: 15,
      customdeploy_export_customer: 15,
  };
  const PARAM = {
      action: 'custpage_action',
      feed: 'custpage_feed',
      csrf: 'custpage_csrf',
      listFeeds: 'custpage_feeds',
      code: 'custpage_code',
      report: 'custpage_report',
      download: 'custpage_download',
  };
  const ACTIONS = {
      runImport: 'run_import',
      runExport: 'run_export',
      dryRun: 'dry_run',
      testSftp: 'test_sftp',
  };
  const ACTION_LABELS = {
      run_import: 'Run the import now (customdeploy_imp_customer_rest)',
      run_export: 'Run the id export now (customdeploy_export_customer_rest)',
      dry_run: 'Dry run of the chosen waiting feed',
      test_sftp: 'Test the SFTP connection',
  };
  /** Report folders the page may read a file from (never a path the request names). */
  const REPORT_FOLDERS = {
      error: 'customer/export/error',
      dry_run: 'customer/export/dry_run',
  };
  // ------------------------------------------------------------------------------------- helpers
  function esc(s) {
      return String(s !== null && s !== void 0 ? s : '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }
  const link = (href, text) => `<a href="${esc(href)}">${esc(text)}</a>`;
  const n = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
  function plural(count, one, many = `${one}s`) {
      return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  }
  const DEPLOYMENT_STATUS_LABEL = {
      SCHEDULED: 'Scheduled',
      NOTSCHEDULED: 'Not scheduled (on demand)',
      TESTING: 'Testing',
      RELEASED: 'Released',
  };
  const INSTANCE_STATUS_LABEL = {
      PENDING: 'Pending',
      PROCESSING: 'Processing',
      COMPLETE: 'Complete',
      FAILED: 'Failed',
      CANCELED: 'Canceled',
      DEFERRED: 'Deferred',
      RETRY: 'Retry',
  };
  /** What one run did, in a few words (each script's summary has its own shape). */
  function outcomeText(key, s) {
      var _a;
      if (key === 'import') {
          const t = ((_a = s.totals) !== null && _a !== void 0 ? _a : {});
          const parts = [
              `${n(t.created)} created`,
              `${n(t.linked)} linked`,
              `${n(t.alreadyLinked)} already linked`,
              `${n(t.errors)} errors`,
          ];
          const files = Array.isArray(s.fileResults) ? s.fileResults : [];
          if (s.skipped)
              return `skipped: ${String(s.skipped)}`;
          return `${s.dryRun ? 'dry run: ' : ''}${parts.join(', ')}; ${plural(files.length, 'feed')}`;
      }
      if (key === 'export') {
          const files = Array.isArray(s.files) ? s.files.length : 0;
          return `${plural(n(s.exported), 'customer id')} sent in ${plural(files, 'file')}${n(s.stageErrors) ? `, ${n(s.stageErrors)} stage errors` : ''}`;
      }
      if (key === 'generate') {
          return `${plural(n(s.exportedThisExecution), 'customer')} exported (${n(s.exportedTotal)} in all), ${plural(Array.isArray(s.partsWritten) ? s.partsWritten.length : 0, 'part')} written${n(s.duplicates) ? `, ${n(s.duplicates)} shared Shopify ids` : ''}`;
      }
      return `${plural(n(s.uploaded), 'file')} uploaded, ${n(s.failed)} failed`;
  }
  function nextQuarter(now, minutes) {
      const step = minutes * 60000;
      return Math.floor(now / step) * step + step;
  }
  // ------------------------------------------------------------------------------------- sections
  function overviewTab(src, env, runsByScript) {
      var _a, _b;
      const deployments = src.deployments();
      const instances = src.instances();
      const blocks = [];
      for (const s of SYNC_SCRIPTS) {
          const runs = (_a = runsByScript.get(s.scriptId)) !== null && _a !== void 0 ? _a : [];
          const mine = instances.filter((i) => i.scriptId === s.scriptId);
          // Instances come newest first; NetSuite keeps FAILED here even when the script died before its summary.
          const lastInstance = mine.find((i) => i.status === 'COMPLETE' || i.status === 'FAILED');
          const lastRun = runs[0];
          const lastFailed = lastInstance ? lastInstance.status === 'FAILED' : (lastRun === null || lastRun === void 0 ? void 0 : lastRun.outcome) === 'failed';
          const deps = deployments.filter((d) => d.scriptId === s.scriptId);
          const queued = mine.filter((i) => i.status === 'PENDING' || i.status === 'PROCESSING');
          const next = queued.map((q) => { var _a; return `${(_a = INSTANCE_STATUS_LABEL[q.status]) !== null && _a !== void 0 ? _a : q.status} on ${q.deploymentId} (queued ${env.time(q.created)})`; });
          for (const d of deps) {
              const every = SHIPPED_REPEAT_MINUTES[d.deploymentId];
              if (d.status === 'SCHEDULED' && d.isDeployed && every)
                  next.push(`${d.deploymentId}: every ${every} minutes, next at ${env.time(nextQuarter(env.now, every))}`);
          }
          if (next.length === 0)
              next.push('Nothing scheduled: runs when started by hand or by HotWax');
          // A deployment this project ships scheduled that is not scheduled now was paused (by an
          // administrator, or by HotWax's job manager).
          const state = (d) => {
              var _a, _b;
              return !d.isDeployed
                  ? 'Not deployed (paused)'
                  : d.status !== 'SCHEDULED' && SHIPPED_REPEAT_MINUTES[d.deploymentId]
                      ? `Paused (${(_a = DEPLOYMENT_STATUS_LABEL[d.status]) !== null && _a !== void 0 ? _a : d.status}; ships scheduled every ${SHIPPED_REPEAT_MINUTES[d.deploymentId]} minutes)`
                      : ((_b = DEPLOYMENT_STATUS_LABEL[d.status]) !== null && _b !== void 0 ? _b : d.status);
          };
          const deploymentText = deps.map((d) => esc(`${d.deploymentId}: ${state(d)}`)).join('<br>');
          const lastText = lastRun
              ? `${env.time(lastRun.ended)}, ${lastRun.outcome}: ${outcomeText(s.key, lastRun.summary)}`
              : 'No run recorded in the last 30 days';
          blocks.push({
              kind: 'fields',
              id: `custpage_grp_${s.key}`,
              label: `${s.name} (${s.scriptId})`,
              fields: [
                  {
                      id: `custpage_${s.key}_deployments`,
                      label: 'Deployments',
                      value: deploymentText || esc('none found'),
                      html: true,
                  },
                  { id: `custpage_${s.key}_last`, label: 'Last run', value: lastText },
                  {
                      id: `custpage_${s.key}_failed`,
                      label: 'Last run failed',
                      value: lastFailed
                          ? `<span class="hc-bad">Yes</span>${(lastInstance === null || lastInstance === void 0 ? void 0 : lastInstance.status) === 'FAILED' ? esc(` (script instance failed ${env.time((_b = lastInstance.ended) !== null && _b !== void 0 ? _b : lastInstance.created)}; see the deployment's execution log)`) : ''}`
                          : lastRun || lastInstance
                              ? 'No'
                              : '—',
                      html: true,
                  },
                  { id: `custpage_${s.key}_next`, label: 'Next', value: next.map(esc).join('<br>'), html: true },
              ],
          });
          blocks.push({
              kind: 'table',
              id: `custpage_runs_${s.key}`,
              label: `${s.name}: last runs`,
              columns: [
                  { id: 'ended', label: 'Ended' },
                  { id: 'deployment', label: 'Deployment' },
                  { id: 'outcome', label: 'Outcome' },
                  { id: 'counts', label: 'What it did' },
                  { id: 'units', label: 'Units used' },
                  { id: 'rescheduled', label: 'Rescheduled' },
              ],
              rows: runs
                  .slice(0, 5)
                  .map((r) => [
                  esc(env.time(r.ended)),
                  esc(r.deploymentId),
                  r.outcome === 'failed' ? '<span class="hc-bad">failed</span>' : esc(r.outcome),
                  esc(outcomeText(s.key, r.summary)),
                  esc(n(r.summary.unitsUsed).toLocaleString('en-US')),
                  r.summary.rescheduled ? 'Yes' : 'No',
              ]),
              empty: 'No run recorded in the last 30 days.',
          });
      }
      return { id: 'custpage_tab_overview', label: 'Overview', blocks };
  }
  function feedsTab(src, env, importRuns, waiting, waitingError) {
      const state = src.importState();
      const inProgress = (state === null || state === void 0 ? void 0 : state.file)
          ? [
              { id: 'custpage_feed_current', label: 'Feed in progress', value: state.file },
              { id: 'custpage_feed_line', label: 'Last line handled', value: String(state.line) },
              {
                  id: 'custpage_feed_counts',
                  label: 'So far',
                  value: `${state.counts.created} created, ${state.counts.linked} linked, ${state.counts.alreadyLinked} already linked, ${state.counts.errors} errors`,
              },
              {
                  id: 'custpage_feed_lease',
                  label: 'Importing deployment',
                  value: state.lease
                      ? `${state.lease.deploymentId} (lease until ${env.time(state.lease.until)})`
                      : 'none (the next run continues)',
              },
          ]
          : [
              {
                  id: 'custpage_feed_current',
                  label: 'Feed in progress',
                  value: 'None: every feed read so far is finished',
              },
          ];
      const finished = [];
      for (const r of importRuns) {
          if (r.summary.dryRun)
              continue;
          const files = Array.isArray(r.summary.fileResults) ? r.summary.fileResults : [];
          for (const f of files)
              if (f.outcome === 'archived' || f.outcome === 'failed')
                  finished.push({ when: r.ended, f });
      }
      const blocks = [
          {
              kind: 'fields',
              id: 'custpage_grp_inprogress',
              label: 'In progress (import checkpoint)',
              fields: inProgress,
          },
      ];
      const listUrl = env.pageUrl({ [PARAM.listFeeds]: 'T' });
      if (waiting === null) {
          blocks.push({
              kind: 'fields',
              id: 'custpage_grp_waiting',
              label: 'Waiting in customer/export/',
              fields: [
                  {
                      id: 'custpage_waiting_link',
                      label: 'Waiting feeds',
                      value: `${waitingError ? `<span class="hc-bad">${esc(waitingError)}</span><br>` : ''}Read live from the SFTP server on request: ${link(listUrl + '#custpage_tab_feeds', 'List the waiting feeds')}`,
                      html: true,
                  },
              ],
          });
      }
      else {
          blocks.push({
              kind: 'table',
              id: 'custpage_waiting',
              label: `Waiting in customer/export/ (listed ${env.time(env.now)})`,
              columns: [
                  { id: 'name', label: 'Feed' },
                  { id: 'size', label: 'Bytes' },
                  { id: 'modified', label: 'Last modified' },
              ],
              rows: waiting.map((w) => [
                  esc(w.name),
                  esc(w.size.toLocaleString('en-US')),
                  esc(env.time(w.lastModified)),
              ]),
              empty: 'No feed is waiting.',
          });
      }
      const resultRows = (outcome) => finished
          .filter((x) => x.f.outcome === outcome)
          .slice(0, 10)
          .map(({ when, f }) => {
          var _a, _b, _c, _d, _e, _f, _g, _h, _j;
          return [
              esc(f.name),
              esc(env.time(when)),
              esc((_a = f.movedTo) !== null && _a !== void 0 ? _a : ''),
              esc(String((_c = (_b = f.counts) === null || _b === void 0 ? void 0 : _b.created) !== null && _c !== void 0 ? _c : 0)),
              esc(String((_e = (_d = f.counts) === null || _d === void 0 ? void 0 : _d.linked) !== null && _e !== void 0 ? _e : 0)),
              esc(String((_g = (_f = f.counts) === null || _f === void 0 ? void 0 : _f.alreadyLinked) !== null && _g !== void 0 ? _g : 0)),
              ((_h = f.counts) === null || _h === void 0 ? void 0 : _h.errors) && ((_j = f.errorReports) === null || _j === void 0 ? void 0 : _j.length)
                  ? link(env.pageUrl({ [PARAM.report]: f.errorReports[0] }) + '#custpage_tab_errors', `${f.counts.errors} (report)`)
                  : '0',
          ];
      });
      const columns = [
          { id: 'name', label: 'Feed' },
          { id: 'when', label: 'Finished' },
          { id: 'moved', label: 'Moved as' },
          { id: 'created', label: 'Created' },
          { id: 'linked', label: 'Linked' },
          { id: 'already', label: 'Already linked' },
          { id: 'errors', label: 'Errors' },
      ];
      blocks.push({
          kind: 'table',
          id: 'custpage_archived',
          label: 'Last archived feeds (customer/export/archive/)',
          columns,
          rows: resultRows('archived'),
          empty: 'No feed archived in the recorded runs.',
      }, {
          kind: 'table',
          id: 'custpage_failed',
          label: 'Last failed feeds (customer/export/failed/)',
          columns,
          rows: resultRows('failed'),
          empty: 'No feed failed in the recorded runs.',
      });
      return { id: 'custpage_tab_feeds', label: 'Feeds', blocks };
  }
  function errorsTab(src, env, code, report, reportError) {
      var _a;
      const rows = [];
      let omitted = 0;
      for (const r of src.runsWithErrors(10)) {
          const list = Array.isArray(r.summary.errorRows) ? r.summary.errorRows : [];
          for (const e of list)
              rows.push({ ...e, when: r.ended });
          omitted += Math.max(0, r.errorCount - list.length);
      }
      const codes = new Map();
      for (const r of rows)
          codes.set(r.errorCode, ((_a = codes.get(r.errorCode)) !== null && _a !== void 0 ? _a : 0) + 1);
      const shown = rows.filter((r) => !code || r.errorCode === code).slice(0, 100);
      const customers = src.customersByHcId([...new Set(shown.map((r) => r.hcCustomerId).filter(Boolean))]);
      const filterLinks = [
          code
              ? link(env.pageUrl({}) + '#custpage_tab_errors', `All (${rows.length})`)
              : `<b>All (${rows.length})</b>`,
          ...[...codes.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([c, count]) => c === code
              ? `<b>${esc(c)} (${count})</b>`
              : link(env.pageUrl({ [PARAM.code]: c }) + '#custpage_tab_errors', `${c} (${count})`)),
      ];
      const blocks = [
          {
              kind: 'fields',
              id: 'custpage_grp_errfilter',
              label: 'Filter',
              fields: [
                  { id: 'custpage_err_codes', label: 'Error code', value: filterLinks.join(' | '), html: true },
                  {
                      id: 'custpage_err_omitted',
                      label: 'Not listed here',
                      value: omitted
                          ? `${plural(omitted, 'more error row')} of these runs: open the feed's report for every row.`
                          : 'none: every error row of these runs is listed',
                  },
              ],
          },
          {
              kind: 'table',
              id: 'custpage_errors',
              label: code ? `Latest error rows with code ${code}` : 'Latest error rows',
              columns: [
                  { id: 'feed', label: 'Feed' },
                  { id: 'line', label: 'Line' },
                  { id: 'hcid', label: 'HC Customer Id' },
                  { id: 'code', label: 'Code' },
                  { id: 'message', label: 'Message' },
                  { id: 'customer', label: 'NetSuite customer' },
                  { id: 'when', label: 'Reported' },
              ],
              rows: shown.map((r) => {
                  const id = customers.get(r.hcCustomerId);
                  return [
                      r.report
                          ? link(env.pageUrl({ [PARAM.report]: r.report }) + '#custpage_tab_errors', r.fileName)
                          : esc(r.fileName),
                      esc(String(r.lineNumber)),
                      esc(r.hcCustomerId),
                      esc(r.errorCode),
                      esc(r.errorMessage),
                      id ? link(env.customerUrl(id), `Customer ${id}`) : '',
                      esc(env.time(r.when)),
                  ];
              }),
              empty: code ? `No recorded error row has code ${code}.` : 'No error rows in the last 30 days.',
          },
      ];
      if (report || reportError) {
          blocks.push({
              kind: 'table',
              id: 'custpage_report',
              label: report
                  ? `Report ${REPORT_FOLDERS[report.folder]}/${report.name} (read from SFTP, ${plural(report.rows.length, 'row')})`
                  : 'Report',
              columns: ((report === null || report === void 0 ? void 0 : report.header.length) ? report.header : ['problem']).map((h, i) => ({
                  id: `c${i}`,
                  label: h,
              })),
              rows: report ? report.rows.map((r) => r.map(esc)) : [[esc(reportError)]],
              empty: 'The report is empty.',
          });
          if (report)
              blocks.push({
                  kind: 'fields',
                  id: 'custpage_grp_report',
                  label: 'Report file',
                  fields: [
                      {
                          id: 'custpage_report_download',
                          label: 'Download',
                          value: link(env.pageUrl({
                              [PARAM.report]: report.name,
                              ...(report.folder === 'dry_run' ? { custpage_folder: 'dry_run' } : {}),
                              [PARAM.download]: 'T',
                          }), `${report.name} (CSV)`),
                          html: true,
                      },
                  ],
              });
      }
      return { id: 'custpage_tab_errors', label: 'Errors', blocks };
  }
  function exportsTab(src, env, runsByScript) {
      var _a, _b, _c;
      const state = src.exportState();
      const cursor = state === null || state === void 0 ? void 0 : state.committed;
      const fields = [
          {
              id: 'custpage_exp_stamp',
              label: 'Customers stamped after',
              value: cursor
                  ? cursor.stampAfter
                      ? env.time(cursor.stampAfter)
                      : 'the beginning'
                  : 'No export has run yet',
          },
      ];
      const pending = Object.entries((_a = state === null || state === void 0 ? void 0 : state.pending) !== null && _a !== void 0 ? _a : {});
      fields.push({
          id: 'custpage_exp_pending',
          label: 'Runs selecting now',
          value: pending.length
              ? pending
                  .map(([d, p]) => `${d} (started ${env.time(p.startedAt)}, up to ${env.time(p.stampUpTo)})`)
                  .join('; ')
              : 'none',
      });
      const sent = [];
      for (const r of (_b = runsByScript.get('customscript_export_customer')) !== null && _b !== void 0 ? _b : []) {
          const files = Array.isArray(r.summary.files) ? r.summary.files : [];
          for (const f of files)
              sent.push([esc(f), esc(env.time(r.ended)), esc(String(n(r.summary.exported)))]);
      }
      const h = src.historical();
      const genRuns = (_c = runsByScript.get('customscript_generate_hist_shop_customer')) !== null && _c !== void 0 ? _c : [];
      const histFields = [
          {
              id: 'custpage_hist_status',
              label: 'Historical export',
              value: h.status === null
                  ? 'Not run yet (no "Historical Shopify Customer CSV" folder)'
                  : h.state
                      ? h.state.done
                          ? `Finished: ${h.state.exported.toLocaleString('en-US')} customers in ${h.state.nextPart - 1} part(s)`
                          : `In progress: ${h.state.exported.toLocaleString('en-US')} customers exported, next part ${h.state.nextPart}`
                      : h.status || 'Folder created, no export recorded',
          },
          {
              id: 'custpage_hist_parts',
              label: 'Parts',
              value: `${h.waiting.length} waiting for upload, ${h.archived.length} uploaded (archived)`,
          },
      ];
      if (genRuns[0])
          histFields.push({
              id: 'custpage_hist_last',
              label: 'Last run',
              value: `${env.time(genRuns[0].ended)}: ${outcomeText('generate', genRuns[0].summary)}`,
          });
      const parts = [
          ...h.waiting.map((f) => ({ ...f, where: 'waiting for upload' })),
          ...h.archived.map((f) => ({ ...f, where: 'uploaded, archived' })),
      ].sort((a, b) => (a.name < b.name ? -1 : 1));
      return {
          id: 'custpage_tab_exports',
          label: 'Id export and historical export',
          blocks: [
              {
                  kind: 'fields',
                  id: 'custpage_grp_cursor',
                  label: 'Id export cursor (checkpoint "id-export")',
                  fields,
              },
              {
                  kind: 'table',
                  id: 'custpage_sent',
                  label: 'Last files sent to customer/import/',
                  columns: [
                      { id: 'file', label: 'File' },
                      { id: 'when', label: 'Sent' },
                      { id: 'ids', label: 'Customer ids in the run' },
                  ],
                  rows: sent.slice(0, 10),
                  empty: 'No file sent in the recorded runs.',
              },
              { kind: 'fields', id: 'custpage_grp_hist', label: 'Historical export', fields: histFields },
              {
                  kind: 'table',
                  id: 'custpage_parts',
                  label: 'Historical export parts',
                  columns: [
                      { id: 'name', label: 'File' },
                      { id: 'size', label: 'Bytes' },
                      { id: 'where', label: 'Where' },
                      { id: 'created', label: 'Written' },
                  ],
                  rows: parts.map((p) => [
                      esc(p.name),
                      esc(p.size.toLocaleString('en-US')),
                      esc(p.where),
                      esc(p.created ? env.time(p.created) : ''),
                  ]),
                  empty: 'No part written yet.',
              },
          ],
      };
  }
  function actionsTab(message, details) {
      const blocks = [
          {
              kind: 'fields',
              id: 'custpage_grp_actions_help',
              label: 'Actions',
              fields: [
                  {
                      id: 'custpage_actions_help',
                      label: 'How',
                      value: 'Choose an action (and, for a dry run, a waiting feed: list them on the Feeds tab first), then Run action. ' +
                          'The import and the id export run on their on-demand deployments, as HotWax starts them. A dry run ' +
                          'checks one feed and writes customer/export/dry_run/&lt;feed&gt;-dry-run.csv, nothing else. The SFTP ' +
                          'test connects with the HC SFTP Configuration record, as the scripts do.',
                      html: true,
                  },
              ],
          },
      ];
      if (details)
          blocks.push({
              kind: 'table',
              id: 'custpage_action_details',
              label: message ? `Result: ${message.title}` : 'Result',
              columns: [
                  { id: 'what', label: 'Check' },
                  { id: 'result', label: 'Result' },
                  { id: 'detail', label: 'Detail' },
              ],
              rows: details.map((r) => r.map(esc)),
              empty: '',
          });
      return { id: 'custpage_tab_actions', label: 'Actions', blocks };
  }
  /** A report name from the request: a plain file name in one of the report folders, or null. */
  function reportRequest(name, folder) {
      const f = folder === 'dry_run' ? 'dry_run' : 'error';
      if (!/^[^/\\]+\.csv$/i.test(name) || name.startsWith('.'))
          return null;
      return { folder: f, name };
  }
  function buildPage(deps, view, result) {
      var _a, _b, _c, _d, _e, _f, _g;
      const { sources: src, env } = deps;
      const runsByScript = new Map();
      for (const s of SYNC_SCRIPTS)
          runsByScript.set(s.scriptId, src.runs(s.scriptId, s.key === 'import' ? 25 : 10));
      let waiting = null;
      let waitingError = null;
      if (view.listFeeds) {
          try {
              waiting = deps.listWaiting();
          }
          catch (e) {
              waitingError = `Cannot list customer/export/: ${(_a = e === null || e === void 0 ? void 0 : e.message) !== null && _a !== void 0 ? _a : String(e)}`;
          }
      }
      let report = null;
      let reportError = null;
      if (view.report) {
          try {
              const rows = deps.parseCsv(deps.readReport(REPORT_FOLDERS[view.report.folder], view.report.name));
              report = { ...view.report, header: (_b = rows[0]) !== null && _b !== void 0 ? _b : [], rows: rows.slice(1) };
          }
          catch (e) {
              reportError = `Cannot read ${REPORT_FOLDERS[view.report.folder]}/${view.report.name}: ${(_c = e === null || e === void 0 ? void 0 : e.message) !== null && _c !== void 0 ? _c : String(e)}`;
          }
      }
      return {
          title: 'HotWax Customer Sync',
          message: (_d = result === null || result === void 0 ? void 0 : result.message) !== null && _d !== void 0 ? _d : null,
          tabs: [
              overviewTab(src, env, runsByScript),
              feedsTab(src, env, (_e = runsByScript.get('customscript_imp_customer')) !== null && _e !== void 0 ? _e : [], waiting, waitingError),
              errorsTab(src, env, view.code, report, reportError),
              exportsTab(src, env, runsByScript),
              actionsTab((_f = result === null || result === void 0 ? void 0 : result.message) !== null && _f !== void 0 ? _f : null, (_g = result === null || result === void 0 ? void 0 : result.details) !== null && _g !== void 0 ? _g : null),
          ],
          actions: { feeds: (waiting !== null && waiting !== void 0 ? waiting : []).map((w) => w.name), csrf: deps.csrf },
      };
  }
  /** True when the posted token is the session's (compared without early exit). */
  function csrfMatches(expected, posted) {
      if (!expected || !posted || expected.length !== posted.length)
          return false;
      let diff = 0;
      for (let i = 0; i < expected.length; i++)
          diff |= expected.charCodeAt(i) ^ posted.charCodeAt(i);
      return diff === 0;
  }
  function refusedForToken() {
      return {
          message: {
              kind: 'error',
              title: 'Refused',
              text: 'The request did not carry this page\u2019s security token (it may come from another site, or the page is old). Nothing was done. Open the page again and retry.',
          },
          details: null,
      };
  }
  function runAction(deps, action, params) {
      var _a, _b, _c, _d, _e, _f, _g, _h;
      const fail = (title, e) => {
          const { code, message } = deps.describeError(e);
          return { message: { kind: 'error', title, text: `${code}: ${message}` }, details: null };
      };
      if (action === ACTIONS.runImport || action === ACTIONS.runExport) {
          const which = action === ACTIONS.runImport ? ON_DEMAND.import : ON_DEMAND.export;
          const label = action === ACTIONS.runImport ? 'HC_SC_ImportCustomer' : 'HC_MR_ExportedCustomerCSV';
          try {
              const taskId = deps.submit(action === ACTIONS.runImport ? 'scheduled' : 'mapreduce', which.scriptId, which.deploymentId);
              return {
                  message: {
                      kind: 'confirmation',
                      title: `${label} queued`,
                      text: `Submitted ${label} on deployment ${which.deploymentId} (task ${taskId}). It runs when a processor is free; its result appears on the Overview tab.`,
                  },
                  details: null,
              };
          }
          catch (e) {
              return fail(`${label} not queued`, e);
          }
      }
      if (action === ACTIONS.dryRun) {
          if (!params.feed)
              return {
                  message: {
                      kind: 'warning',
                      title: 'Choose a feed',
                      text: 'List the waiting feeds (Feeds tab), choose one in "Feed", then run the dry run.',
                  },
                  details: null,
              };
          try {
              const r = deps.dryRun(params.feed);
              const c = r.counts;
              return {
                  message: {
                      kind: r.checked ? 'confirmation' : 'warning',
                      title: `Dry run of ${params.feed}`,
                      text: `${r.note} Would create ${(_a = c.created) !== null && _a !== void 0 ? _a : 0}, link ${(_b = c.linked) !== null && _b !== void 0 ? _b : 0}, already linked ${(_c = c.alreadyLinked) !== null && _c !== void 0 ? _c : 0}, errors ${(_d = c.errors) !== null && _d !== void 0 ? _d : 0}.${r.report ? ` Verdicts: customer/export/dry_run/${r.report}.` : ''} No customer was written.`,
                  },
                  details: [
                      ['Would create', String((_e = c.created) !== null && _e !== void 0 ? _e : 0), ''],
                      ['Would link', String((_f = c.linked) !== null && _f !== void 0 ? _f : 0), ''],
                      ['Already linked', String((_g = c.alreadyLinked) !== null && _g !== void 0 ? _g : 0), ''],
                      ['Errors', String((_h = c.errors) !== null && _h !== void 0 ? _h : 0), r.report ? `customer/export/dry_run/${r.report}` : ''],
                  ],
              };
          }
          catch (e) {
              return fail(`Dry run of ${params.feed} failed`, e);
          }
      }
      if (action === ACTIONS.testSftp) {
          try {
              const r = deps.testSftp();
              return {
                  message: {
                      kind: r.ok ? 'confirmation' : 'error',
                      title: r.ok ? 'SFTP connection works' : 'SFTP connection has problems',
                      text: r.ok
                          ? `Host key accepted, logged in, every folder of the layout is there and writable (${r.checks.length} checks).`
                          : `${r.checks.filter((c) => !c.ok).length} of ${r.checks.length} checks failed: ${r.checks
                            .filter((c) => !c.ok)
                            .map((c) => c.what)
                            .join(', ')}.`,
                  },
                  details: r.checks.map((c) => [c.what, c.ok ? 'OK' : 'FAILED', c.detail]),
              };
          }
          catch (e) {
              return fail('SFTP test failed', e);
          }
      }
      return {
          message: {
              kind: 'warning',
              title: 'No action',
              text: action
                  ? `Unknown action "${action}": nothing was done.`
                  : 'Choose an action first: nothing was done.',
          },
          details: null,
      };
  }

  var _a, _b;
  const HISTORICAL_FOLDER = 'Historical Shopify Customer CSV';
  const HISTORICAL_ARCHIVE = 'Archive Historical Shopify Customer';
  /** The generate script keeps its checkpoint after this mark in the folder's description. */
  const STATE_MARK = ' State: ';
  function dateValue(m, v) {
      if (v === null || v === undefined || v === '')
          return null;
      if (v instanceof Date)
          return v.getTime();
      try {
          const d = m.format.parse({ value: String(v), type: m.format.Type.DATETIME });
          return d instanceof Date && !isNaN(d.getTime()) ? d.getTime() : null;
      }
      catch {
          return null;
      }
  }
  class NetSuiteStatusSources {
      constructor(m) {
          this.m = m;
          this.checkpoints = null;
      }
      deployments() {
          const { search } = this.m;
          const ids = SYNC_SCRIPTS.map((s) => s.scriptId);
          const filters = [];
          for (const id of ids) {
              if (filters.length)
                  filters.push('OR');
              filters.push(['script.scriptid', 'is', id]);
          }
          return search
              .create({
              type: 'scriptdeployment',
              filters: filters,
              columns: [
                  search.createColumn({ name: 'scriptid', join: 'script' }),
                  search.createColumn({ name: 'scriptid', sort: search.Sort.ASC }),
                  'title',
                  'status',
                  'isdeployed',
              ],
          })
              .run()
              .getRange({ start: 0, end: 100 })
              .map((r) => {
              var _a, _b, _c, _d;
              return ({
                  scriptId: String((_a = r.getValue({ name: 'scriptid', join: 'script' })) !== null && _a !== void 0 ? _a : '').toLowerCase(),
                  deploymentId: String((_b = r.getValue({ name: 'scriptid' })) !== null && _b !== void 0 ? _b : '').toLowerCase(),
                  title: String((_c = r.getValue({ name: 'title' })) !== null && _c !== void 0 ? _c : ''),
                  status: String((_d = r.getValue({ name: 'status' })) !== null && _d !== void 0 ? _d : '').toUpperCase(),
                  isDeployed: r.getValue({ name: 'isdeployed' }) === true || r.getValue({ name: 'isdeployed' }) === 'T',
              });
          });
      }
      instances() {
          const { search } = this.m;
          const filters = [];
          for (const s of SYNC_SCRIPTS) {
              if (filters.length)
                  filters.push('OR');
              filters.push(['script.scriptid', 'is', s.scriptId]);
          }
          return search
              .create({
              type: 'scheduledscriptinstance',
              filters: filters,
              columns: [
                  search.createColumn({ name: 'internalid', sort: search.Sort.DESC }),
                  'datecreated',
                  search.createColumn({ name: 'scriptid', join: 'script' }),
                  search.createColumn({ name: 'scriptid', join: 'scriptdeployment' }),
                  'status',
                  'enddate',
              ],
          })
              .run()
              .getRange({ start: 0, end: 200 })
              .map((r) => {
              var _a, _b, _c, _d;
              return ({
                  scriptId: String((_a = r.getValue({ name: 'scriptid', join: 'script' })) !== null && _a !== void 0 ? _a : '').toLowerCase(),
                  deploymentId: String((_b = r.getValue({ name: 'scriptid', join: 'scriptdeployment' })) !== null && _b !== void 0 ? _b : '').toLowerCase(),
                  status: String((_c = r.getValue({ name: 'status' })) !== null && _c !== void 0 ? _c : '').toUpperCase(),
                  created: (_d = dateValue(this.m, r.getValue({ name: 'datecreated' }))) !== null && _d !== void 0 ? _d : 0,
                  ended: dateValue(this.m, r.getValue({ name: 'enddate' })),
              });
          });
      }
      runs(scriptId, count) {
          return latestRuns(this.m.search, { scriptId }, count);
      }
      runsWithErrors(count) {
          return latestRuns(this.m.search, { scriptId: 'customscript_imp_customer', withErrors: true }, count);
      }
      /** Both checkpoints with one search. */
      checkpoint(key) {
          var _a, _b;
          if (!this.checkpoints) {
              const { search } = this.m;
              this.checkpoints = new Map();
              const rows = search
                  .create({
                  type: CHECKPOINT_RECORD.type,
                  filters: [['isinactive', 'is', 'F']],
                  columns: [
                      search.createColumn({ name: 'internalid', sort: search.Sort.ASC }),
                      CHECKPOINT_RECORD.key,
                      CHECKPOINT_RECORD.state,
                  ],
              })
                  .run()
                  .getRange({ start: 0, end: 100 });
              for (const r of rows) {
                  const k = String((_a = r.getValue({ name: CHECKPOINT_RECORD.key })) !== null && _a !== void 0 ? _a : '');
                  if (this.checkpoints.has(k))
                      continue; // the scripts read the first one
                  try {
                      this.checkpoints.set(k, JSON.parse(String(r.getValue({ name: CHECKPOINT_RECORD.state }) || 'null')));
                  }
                  catch {
                      this.checkpoints.set(k, null);
                  }
              }
          }
          return (_b = this.checkpoints.get(key)) !== null && _b !== void 0 ? _b : null;
      }
      importState() {
          return this.checkpoint('import');
      }
      exportState() {
          return this.checkpoint('id-export');
      }
      historical() {
          var _a, _b, _c;
          const { search } = this.m;
          const folders = search
              .create({
              type: 'folder',
              filters: [['name', 'is', HISTORICAL_FOLDER], 'OR', ['name', 'is', HISTORICAL_ARCHIVE]],
              columns: [search.createColumn({ name: 'internalid', sort: search.Sort.ASC }), 'name', 'description'],
          })
              .run()
              .getRange({ start: 0, end: 10 });
          const out = folders.find((f) => f.getValue({ name: 'name' }) === HISTORICAL_FOLDER);
          const archive = folders.find((f) => f.getValue({ name: 'name' }) === HISTORICAL_ARCHIVE);
          const info = { status: null, state: null, waiting: [], archived: [] };
          if (out) {
              const d = String((_a = out.getValue({ name: 'description' })) !== null && _a !== void 0 ? _a : '');
              const at = d.indexOf(STATE_MARK);
              info.status = at >= 0 ? d.slice(0, at) : d;
              if (at >= 0)
                  try {
                      info.state = JSON.parse(d.slice(at + STATE_MARK.length));
                  }
                  catch {
                      info.state = null;
                  }
          }
          const ids = [out, archive].filter((f) => !!f).map((f) => String(f.id));
          if (ids.length === 0)
              return info;
          const files = search
              .create({
              type: 'file',
              filters: [['folder', 'anyof', ids]],
              columns: [
                  search.createColumn({ name: 'name', sort: search.Sort.ASC }),
                  'folder',
                  'documentsize',
                  'created',
              ],
          })
              .run()
              .getRange({ start: 0, end: 1000 });
          for (const f of files) {
              const item = {
                  id: String(f.id),
                  name: String((_b = f.getValue({ name: 'name' })) !== null && _b !== void 0 ? _b : ''),
                  size: Number(f.getValue({ name: 'documentsize' })) * 1024 || 0,
                  created: (_c = dateValue(this.m, f.getValue({ name: 'created' }))) !== null && _c !== void 0 ? _c : 0,
              };
              if (!isCsv(item.name))
                  continue;
              if (out && String(f.getValue({ name: 'folder' })) === String(out.id))
                  info.waiting.push(item);
              else
                  info.archived.push(item);
          }
          return info;
      }
      customersByHcId(hcIds) {
          var _a;
          const out = new Map();
          if (hcIds.length === 0)
              return out;
          const filters = [];
          for (const id of hcIds.slice(0, 100)) {
              if (filters.length)
                  filters.push('OR');
              filters.push([CUSTOMER_FIELDS.hcCustomerId, 'is', id]);
          }
          const rows = this.m.search
              .create({
              type: 'customer',
              filters: filters,
              columns: [
                  this.m.search.createColumn({ name: 'internalid', sort: this.m.search.Sort.ASC }),
                  CUSTOMER_FIELDS.hcCustomerId,
              ],
          })
              .run()
              .getRange({ start: 0, end: 1000 });
          for (const r of rows) {
              const hc = String((_a = r.getValue({ name: CUSTOMER_FIELDS.hcCustomerId })) !== null && _a !== void 0 ? _a : '');
              if (hc && !out.has(hc))
                  out.set(hc, String(r.id));
          }
          return out;
      }
  }
  /** The raw N/sftp connection of these settings (host key checked by N/sftp; credential by id). */
  function openConnection(sftp, s) {
      const base = {
          url: s.host,
          port: s.port,
          username: s.username,
          hostKey: s.hostKey,
          directory: s.directory,
          ...(s.hostKeyType ? { hostKeyType: s.hostKeyType } : {}),
      };
      return s.credential.kind === 'secret'
          ? sftp.createConnection({ ...base, secret: s.credential.id })
          : sftp.createConnection({ ...base, keyId: s.credential.id });
  }
  /** Waiting feeds in customer/export/ (one list: 10 units). */
  function listWaitingFeeds(client) {
      return client
          .listCsv(SFTP_FOLDERS.customerFeed)
          .map((f) => ({ name: f.name, size: f.size, lastModified: f.lastModified.getTime() }));
  }
  /**
   * The SFTP test, as `sftp-check` does from a workstation but with the account's own settings and
   * N/sftp: connect (host key, then login), the folder layout (one list per parent folder: 10 units
   * each), and a probe written, moved into archive/ and deleted where the scripts write (120 units
   * per folder). About 450 units.
   */
  function testSftpConnection(m, settings) {
      var _a;
      const checks = [];
      let s;
      try {
          s = settings();
      }
      catch (e) {
          const { code, message } = describeError(e);
          checks.push({ what: 'settings', ok: false, detail: `${code}: ${message}` });
          return { ok: false, checks };
      }
      checks.push({
          what: 'settings',
          ok: true,
          detail: `HC SFTP Configuration record ${s.recordId}: ${s.username}@${s.host}:${s.port} ${s.directory}, credential ${s.credential.kind === 'secret' ? 'API secret' : 'SSH key'} ${s.credential.id}`,
      });
      let c;
      try {
          c = openConnection(m.sftp, s);
      }
      catch (e) {
          const { code, message } = describeError(e);
          checks.push({ what: 'host key and login', ok: false, detail: `${code}: ${message}` });
          return { ok: false, checks };
      }
      checks.push({ what: 'host key', ok: true, detail: 'the server presented the configured host key' });
      checks.push({ what: 'login', ok: true, detail: `logged in as ${s.username}` });
      const folders = new Set();
      for (const leaf of Object.values(SFTP_FOLDERS)) {
          const parts = leaf.split('/');
          for (let i = 1; i <= parts.length; i++)
              folders.add(parts.slice(0, i).join('/'));
      }
      const parents = new Map();
      for (const f of [...folders].sort()) {
          const i = f.lastIndexOf('/');
          const parent = i < 0 ? '.' : f.slice(0, i);
          parents.set(parent, [...((_a = parents.get(parent)) !== null && _a !== void 0 ? _a : []), f]);
      }
      const missing = new Set();
      for (const [parent, children] of parents) {
          if (missing.has(parent)) {
              for (const ch of children)
                  missing.add(ch);
              continue;
          }
          let names;
          try {
              names = new Set(c
                  .list({ path: parent, sort: m.sftp.Sort.NAME })
                  .filter((e) => e.directory)
                  .map((e) => e.name));
          }
          catch (e) {
              const { code, message } = describeError(e);
              checks.push({
                  what: parent === '.' ? s.directory : parent,
                  ok: false,
                  detail: `cannot list: ${code}: ${message}`,
              });
              for (const ch of children)
                  missing.add(ch);
              continue;
          }
          for (const ch of children) {
              const ok = names.has(ch.slice(ch.lastIndexOf('/') + 1));
              if (!ok)
                  missing.add(ch);
              checks.push({ what: `${ch}/`, ok, detail: ok ? 'folder exists' : 'folder does not exist' });
          }
      }
      const probeIn = [
          SFTP_FOLDERS.customerFeedError,
          SFTP_FOLDERS.partyIdentifications,
          SFTP_FOLDERS.historical,
      ];
      for (const dir of probeIn) {
          if (missing.has(dir))
              continue;
          const name = `.hc-sftp-check-${uniqueSuffix()}.tmp`;
          const archive = `${dir}/archive`;
          const to = folders.has(archive) && !missing.has(archive) ? `${archive}/${name}` : `${dir}/${name}.moved`;
          let stage = 'write';
          try {
              c.upload({
                  directory: dir,
                  filename: name,
                  file: m.file.create({ name, fileType: m.file.Type.PLAINTEXT, contents: 'hc sftp check\n' }),
                  replaceExisting: true,
              });
              stage = 'move';
              c.move({ from: `${dir}/${name}`, to });
              stage = 'delete';
              c.removeFile({ path: to });
              checks.push({
                  what: `write in ${dir}/`,
                  ok: true,
                  detail: `wrote, moved${to.startsWith(archive) ? ' into archive/' : ''} and deleted a probe file`,
              });
          }
          catch (e) {
              const { code, message } = describeError(e);
              checks.push({
                  what: `write in ${dir}/`,
                  ok: false,
                  detail: `cannot ${stage} a probe file: ${code}: ${message}`,
              });
              for (const p of [`${dir}/${name}`, to])
                  try {
                      c.removeFile({ path: p });
                  }
                  catch {
                      // not there
                  }
          }
      }
      return { ok: checks.every((x) => x.ok), checks };
  }
  /** The scheduled import, whose lease a dry run respects. */
  const IMPORT_SCRIPT_ID = (_b = (_a = SYNC_SCRIPTS.find((s) => s.key === 'import')) === null || _a === void 0 ? void 0 : _a.scriptId) !== null && _b !== void 0 ? _b : 'customscript_imp_customer';
  /** The import's parameters as set on its scheduled deployment (a dry run must judge rows the same way). */
  function importDeploymentParams(m) {
      const ids = [
          'custscript_hc_imp_default_subsidiary',
          'custscript_hc_imp_match_by_email',
          'custscript_hc_imp_field_map',
      ];
      const found = m.search
          .create({
          type: 'scriptdeployment',
          filters: [
              ['scriptid', 'is', 'customdeploy1'],
              'AND',
              ['script.scriptid', 'is', 'customscript_imp_customer'],
          ],
          columns: ['internalid'],
      })
          .run()
          .getRange({ start: 0, end: 1 });
      const out = {};
      if (!found[0])
          return out;
      const rec = m.record.load({ type: 'scriptdeployment', id: found[0].id });
      for (const id of ids) {
          const v = rec.getValue({ fieldId: id });
          out[id] = v === true ? 'T' : v === false ? 'F' : v === null || v === undefined ? '' : String(v);
      }
      return out;
  }
  /**
   * A dry run of one waiting feed, inside the page request: the import's own logic (runCustomerImport,
   * dry run) on a view of customer/export/ holding that feed only. It writes only
   * customer/export/dry_run/<feed>-dry-run.csv. Units: the feed's download 100, one search per 50
   * rows, the verdict upload; what does not fit in the request is marked unchecked in the verdicts.
   */
  function dryRunOneFeed(m, client, feed, reserve) {
      var _a, _b, _c, _d;
      const feeds = customerFeedFolder(client, SFTP_FOLDERS.customerFeed);
      const waiting = feeds.list().filter((f) => f.name === feed);
      if (waiting.length === 0)
          throw new Error(`${feed} is not waiting in ${SFTP_FOLDERS.customerFeed}/ (any more)`);
      const params = importDeploymentParams(m);
      const budget = new GovernanceBudget({ remaining: () => m.script.getRemainingUsage() }, reserve);
      const summary = runCustomerImport({
          feeds: { ...feeds, list: () => waiting },
          customers: new NetSuiteCustomerStore(m),
          checkpoint: new CheckpointStore(m, 'import'),
          budget,
          now: () => Date.now(),
          log: { audit: () => undefined, error: () => undefined },
          // HC_MR_ImportCustomer holds the lease from its submit on: queued counts as running.
          leaseHolderRunning: (lease) => lease.scriptId
              ? deploymentIsRunning(m.search, lease.scriptId, lease.deploymentId, QUEUED_OR_ALIVE)
              : deploymentIsRunning(m.search, IMPORT_SCRIPT_ID, lease.deploymentId),
      }, {
          oneWorld: m.runtime.isFeatureInEffect({ feature: 'SUBSIDIARIES' }),
          defaultSubsidiary: (_a = params.custscript_hc_imp_default_subsidiary) !== null && _a !== void 0 ? _a : '',
          fieldMap: parseFieldMap('custscript_hc_imp_field_map', (_b = params.custscript_hc_imp_field_map) !== null && _b !== void 0 ? _b : ''),
          matchByEmail: params.custscript_hc_imp_match_by_email === 'T',
          dryRun: true,
          batchSize: 50,
          executionId: `${m.script.deploymentId}-${Date.now()}-${uniqueSuffix()}`,
          deploymentId: m.script.deploymentId,
          restampAfterMs: 60 * 60 * 1000,
      });
      if (summary.skipped)
          throw new Error(`not checked: ${summary.skipped}`);
      const f = summary.files[0];
      return {
          checked: !!f && f.outcome === 'checked' && !summary.paused,
          counts: { ...((_c = f === null || f === void 0 ? void 0 : f.counts) !== null && _c !== void 0 ? _c : summary.totals) },
          report: (_d = f === null || f === void 0 ? void 0 : f.dryRunReport) !== null && _d !== void 0 ? _d : null,
          note: summary.paused
              ? 'Checked as far as one page request allows (1,000 units); the rest is marked unchecked in the verdicts.'
              : 'Every row checked.',
      };
  }

  /** Page-specific styles, inside the page (an INLINEHTML field is written as is). */
  const STYLE = `<style>
.hc-msg{margin:6px 0 10px;padding:8px 12px;border:1px solid;border-radius:3px;font-size:13px;max-width:1100px}
.hc-msg-confirmation{background:#e6f4e1;border-color:#8ec07c}
.hc-msg-information{background:#e8f0fb;border-color:#8fb1e3}
.hc-msg-warning{background:#fdf5d9;border-color:#e1c15a}
.hc-msg-error{background:#fbe6e4;border-color:#e39b94}
.hc-bad{color:#b3261e;font-weight:bold}
.hc-label{font-size:11px;color:#6f6f6f;text-transform:uppercase;letter-spacing:.3px;margin:3px 0 2px}
.hc-value{font-size:13px;color:#000;line-height:18px}
</style>`;
  function renderStatusForm(ui, model, footer) {
      const form = ui.createForm({ title: model.title });
      const top = form.addField({ id: 'custpage_message', type: ui.FieldType.INLINEHTML, label: 'Message' });
      top.defaultValue =
          STYLE +
              (model.message
                  ? `<div class="hc-msg hc-msg-${model.message.kind}" role="status"><b>${esc(model.message.title)}</b>: ${esc(model.message.text)}</div>`
                  : '');
      for (const tab of model.tabs) {
          form.addTab({ id: tab.id, label: tab.label });
          if (tab.id === 'custpage_tab_actions')
              addActionForm(ui, form, model, tab.id);
          for (const block of tab.blocks) {
              if (block.kind === 'fields') {
                  form.addFieldGroup({ id: block.id, label: block.label, tab: tab.id });
                  for (const f of block.fields) {
                      const field = form.addField({
                          id: f.id,
                          type: f.html ? ui.FieldType.INLINEHTML : ui.FieldType.TEXT,
                          label: f.label,
                          container: block.id,
                      });
                      if (!f.html)
                          field.updateDisplayType({ displayType: ui.FieldDisplayType.INLINE });
                      field.updateBreakType({ breakType: ui.FieldBreakType.STARTROW });
                      // An INLINEHTML field shows no label in NetSuite: the label goes into the markup.
                      field.defaultValue = f.html
                          ? `<div class="hc-field"><div class="hc-label">${esc(f.label)}</div><div class="hc-value" data-field="${f.id}">${f.value}</div></div>`
                          : f.value;
                  }
                  continue;
              }
              const sublist = form.addSublist({
                  id: block.id,
                  type: ui.SublistType.LIST,
                  label: block.label,
                  tab: tab.id,
              });
              for (const c of block.columns)
                  sublist.addField({ id: `custpage_${c.id}`, type: ui.FieldType.TEXT, label: c.label });
              block.rows.forEach((row, line) => row.forEach((cell, i) => {
                  // NetSuite refuses an empty sublist value; an empty cell is simply not set.
                  if (cell !== '')
                      sublist.setSublistValue({ id: `custpage_${block.columns[i].id}`, line, value: cell });
              }));
          }
      }
      const foot = form.addField({ id: 'custpage_footer', type: ui.FieldType.INLINEHTML, label: 'Footer' });
      foot.defaultValue = `<p class="hc-footer" style="color:#666;font-size:11px">${esc(footer)}</p>`;
      return form;
  }
  function addActionForm(ui, form, model, tab) {
      form.addFieldGroup({ id: 'custpage_grp_run', label: 'Run an action', tab });
      const action = form.addField({
          id: PARAM.action,
          type: ui.FieldType.SELECT,
          label: 'Action',
          container: 'custpage_grp_run',
      });
      // No action is preselected: a stray click on Run must not start anything.
      action.addSelectOption({ value: '', text: '', isSelected: true });
      for (const [value, text] of Object.entries(ACTION_LABELS))
          action.addSelectOption({ value, text });
      action.isMandatory = true;
      const feed = form.addField({
          id: PARAM.feed,
          type: ui.FieldType.SELECT,
          label: 'Feed (dry run)',
          container: 'custpage_grp_run',
      });
      feed.addSelectOption({
          value: '',
          text: model.actions.feeds.length ? '' : '(list the waiting feeds on the Feeds tab first)',
      });
      for (const name of model.actions.feeds)
          feed.addSelectOption({ value: name, text: name });
      const csrf = form.addField({ id: PARAM.csrf, type: ui.FieldType.TEXT, label: 'Token' });
      csrf.updateDisplayType({ displayType: ui.FieldDisplayType.HIDDEN });
      csrf.defaultValue = model.actions.csrf;
      form.addSubmitButton({ label: 'Run action' });
  }


  return { ACTIONS: ACTIONS, ACTION_LABELS: ACTION_LABELS, CHECKPOINT_RECORD: CHECKPOINT_RECORD, CSV_EOL: CSV_EOL, CUSTOMER_FEED_COLUMNS: CUSTOMER_FEED_COLUMNS, CUSTOMER_FIELDS: CUSTOMER_FIELDS, CheckpointStore: CheckpointStore, DEFAULT_HANDOFF_ROWS: DEFAULT_HANDOFF_ROWS, ERROR_REPORT_HEADER: ERROR_REPORT_HEADER, FIELD_LIMITS: FIELD_LIMITS, GovernanceBudget: GovernanceBudget, HISTORICAL_CUSTOMER_HEADER: HISTORICAL_CUSTOMER_HEADER, MAX_GROUP_ROWS: MAX_GROUP_ROWS, MAX_HANDOFF_FEEDS: MAX_HANDOFF_FEEDS, MR_IMPORT: MR_IMPORT, NetSuiteCustomerStore: NetSuiteCustomerStore, NetSuiteStatusSources: NetSuiteStatusSources, ON_DEMAND: ON_DEMAND, PARAM: PARAM, PARTY_IDENTIFICATION_HEADER: PARTY_IDENTIFICATION_HEADER, QUEUED_OR_ALIVE: QUEUED_OR_ALIVE, REPORT_FOLDERS: REPORT_FOLDERS, ROWS_PER_KEY: ROWS_PER_KEY, RUN_HISTORY: RUN_HISTORY, RUN_HISTORY_UNITS: RUN_HISTORY_UNITS, RUN_RECORD: RUN_RECORD, SFTP_FOLDERS: SFTP_FOLDERS, SFTP_RECORD: SFTP_RECORD, STOP_RESERVE: STOP_RESERVE, SYNC_SCRIPTS: SYNC_SCRIPTS, SftpFolderClient: SftpFolderClient, SyncError: SyncError, UNITS: UNITS, allResults: allResults, alternativeName: alternativeName, batchKey: batchKey, buildPage: buildPage, capturingReports: capturingReports, checkboxParam: checkboxParam, checkpointExternalId: checkpointExternalId, commitRun: commitRun, connect: connect, connectWithScriptParams: connectWithScriptParams, csrfMatches: csrfMatches, csvLine: csvLine, customerFeedFolder: customerFeedFolder, deploymentIsRunning: deploymentIsRunning, describeError: describeError, dryRunOneFeed: dryRunOneFeed, esc: esc, filesInFolder: filesInFolder, findFolder: findFolder, finishHandoff: finishHandoff, folderWithDescription: folderWithDescription, giveBackFromPlan: giveBackFromPlan, handoffOptions: handoffOptions, heldHandoff: heldHandoff, historicalLine: historicalLine, importDeploymentParams: importDeploymentParams, integerParam: integerParam, invalidCharacter: invalidCharacter, isCsv: isCsv, isNetSuiteEmail: isNetSuiteEmail, latestRuns: latestRuns, listWaitingFeeds: listWaitingFeeds, loadSftpSettings: loadSftpSettings, neutralizeCell: neutralizeCell, normaliseDirectory: normaliseDirectory, normalizeHeaderName: normalizeHeaderName, openConnection: openConnection, outcomeText: outcomeText, parseCsvRecords: parseCsvRecords, parseErrorReport: parseErrorReport, parseFieldMap: parseFieldMap, parseHostKey: parseHostKey, partyIdentificationFiles: partyIdentificationFiles, physicalLineCount: physicalLineCount, planHandoff: planHandoff, planRun: planRun, readCsv: readCsv, readCustomerFeed: readCustomerFeed, recordRun: recordRun, reduceBatch: reduceBatch, refusedForToken: refusedForToken, renderStatusForm: renderStatusForm, reportRequest: reportRequest, reschedule: reschedule, runAction: runAction, runCustomerImport: runCustomerImport, runHistoricalExport: runHistoricalExport, runHistoricalUpload: runHistoricalUpload, sftpSettingsFrom: sftpSettingsFrom, stem: stem, storedSummary: storedSummary, submitMapReduce: submitMapReduce, summaryDetails: summaryDetails, temporaryName: temporaryName, testSftpConnection: testSftpConnection, textParam: textParam, timestampedCsvName: timestampedCsvName, toCsv: toCsv, toNewCustomer: toNewCustomer, toReportCsv: toReportCsv, uniqueSuffix: uniqueSuffix, unsafeNameReason: unsafeNameReason, utcStamp: utcStamp };

}));
